import { useEffect, useState } from 'react';
import { Button, Progress, Space, Typography } from 'antd';
import { apiGet, toApiError } from '../../api/http';
import { ErrorAlert } from '../../components';
import { useT } from '../../i18n';

interface ExportJob {
  jobId: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  written: number;
  error?: string;
}

const POLL_MS = 2_000;

/** Saves a downloaded file under its name (the gateway's attachment header names it). */
function save(blob: Blob, response: Response): void {
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? 'case-list.xlsx');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * The case list behind the report as Excel: downloaded at once up to the gateway's row limit; a larger
 * list is written by a background job whose progress shows here, with its file to download when done.
 */
export function CaseListExport({ query }: { query: Record<string, string> }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [job, setJob] = useState<ExportJob | undefined>(undefined);

  useEffect(() => {
    if (job?.status !== 'running') return undefined;
    const timer = setTimeout(() => {
      apiGet<ExportJob>(`/api/reports/export-jobs/${job.jobId}`).then(setJob, setError);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job]);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    setJob(undefined);
    try {
      const params = new URLSearchParams({ format: 'xlsx', ...query });
      const response = await fetch(`/api/reports/cases/export?${params.toString()}`, {
        credentials: 'include',
      });
      if (!response.ok) throw await toApiError(response);
      if (response.status === 202) setJob((await response.json()) as ExportJob);
      else save(await response.blob(), response);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size={4}>
      <Button onClick={() => void start()} loading={busy}>
        {t('reports.exportCases')}
      </Button>
      <ErrorAlert error={error} />
      {job && (
        <div data-export-job={job.status}>
          {job.status === 'running' && (
            <Typography.Text type="secondary">
              {t('reports.exportJob', { written: job.written, total: job.total })}
            </Typography.Text>
          )}
          <Progress
            percent={job.total === 0 ? 100 : Math.floor((job.written / job.total) * 100)}
            status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
            size="small"
          />
          {job.status === 'done' && (
            <Button type="link" href={`/api/reports/export-jobs/${job.jobId}/file`} download>
              {t('reports.exportJobDownload')}
            </Button>
          )}
          {job.status === 'failed' && (
            <Typography.Text type="danger">{t('reports.exportJobFailed')}</Typography.Text>
          )}
        </div>
      )}
    </Space>
  );
}
