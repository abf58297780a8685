import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { CaseAuditEntry, CaseAuditPage } from '@hotline/contracts';
import { apiGet } from '../../api/http';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { CaseNumberLink } from '../../components/case-link';
import { timelineLine } from '../../components/timeline-text';
import { useRequest } from '../../components/use-request';
import { useTimelineWords } from '../../components/use-timeline-words';
import { useT } from '../../i18n';
import { AUDIT_EVENT_TYPES, auditCsv } from './audit-csv';

interface Filters {
  who?: string;
  type?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const PAGE_SIZE = 50;
/** An export reads at most this many pages of 100 (10 000 entries); narrow the filter for more. */
const EXPORT_PAGES = 100;

const paramsOf = (filters: Filters): Record<string, string> => {
  const params: Record<string, string> = {};
  if (filters.who?.trim()) params.who = filters.who.trim();
  if (filters.type) params.type = filters.type;
  const [from, to] = filters.range ?? [null, null];
  if (from) params.from = from.startOf('day').toISOString();
  if (to) params.to = to.endOf('day').toISOString();
  return params;
};

const listAudit = (params: Record<string, string>, page: number, pageSize: number) =>
  apiGet<CaseAuditPage>('/api/audit/case-events', { ...params, page, pageSize });

/** The audit trail (审计日志): every case event, who did it in which role and when; filter, export. */
export function AuditPage() {
  const t = useT();
  const words = useTimelineWords();
  const [form] = Form.useForm<Filters>();
  const [params, setParams] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(undefined);
  const result = useRequest(() => listAudit(params, page, PAGE_SIZE), JSON.stringify([params, page]));

  const exportCsv = async () => {
    setExporting(true);
    setExportError(undefined);
    try {
      const entries: CaseAuditEntry[] = [];
      for (let p = 1; p <= EXPORT_PAGES; p++) {
        const chunk = await listAudit(params, p, 100);
        entries.push(...chunk.items);
        if (entries.length >= chunk.total || chunk.items.length === 0) break;
      }
      const url = URL.createObjectURL(
        new Blob([auditCsv(entries, words)], { type: 'text/csv;charset=utf-8' }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = 'audit-trail.csv';
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      setExportError(failure);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <PageHeader title={t('admin.audit.title')} subTitle={t('admin.audit.hint')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<Filters>
          form={form}
          layout="inline"
          onFinish={(values) => {
            setPage(1);
            setParams(paramsOf(values));
          }}
        >
          <Form.Item name="who" label={t('admin.audit.who')}>
            <Input allowClear maxLength={128} />
          </Form.Item>
          <Form.Item name="type" label={t('admin.audit.type')}>
            <Select
              allowClear
              style={{ minWidth: 180 }}
              options={AUDIT_EVENT_TYPES.map((type) => ({ value: type, label: t(`event.${type}`) }))}
            />
          </Form.Item>
          <Form.Item name="range" label={t('admin.audit.range')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('admin.audit.search')}
            </Button>
            <Button
              icon={<DownloadOutlined aria-hidden />}
              loading={exporting}
              onClick={() => void exportCsv()}
            >
              {exporting ? t('admin.audit.exporting') : t('admin.audit.export')}
            </Button>
          </Space>
        </Form>
      </Card>
      <ErrorAlert error={result.error ?? exportError} />
      <Table<CaseAuditEntry>
        rowKey="eventId"
        size="small"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: <EmptyState description={t('admin.audit.none')} /> }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('admin.audit.total', { total }),
          onChange: setPage,
        }}
        columns={[
          {
            title: t('admin.audit.column.time'),
            dataIndex: 'at',
            render: (at: string) => <time dateTime={at}>{words.instant(at)}</time>,
          },
          {
            title: t('admin.audit.column.who'),
            render: (_: unknown, entry) => timelineLine(entry, words).who,
          },
          {
            title: t('admin.audit.column.action'),
            dataIndex: 'type',
            render: (type: string) => t(`event.${type}`),
          },
          {
            title: t('admin.audit.column.caseNumber'),
            dataIndex: 'caseNumber',
            render: (number?: string) =>
              number !== undefined ? <CaseNumberLink area="center" caseNumber={number} /> : '—',
          },
          {
            title: t('admin.audit.column.what'),
            render: (_: unknown, entry) => {
              const line = timelineLine(entry, words);
              return (
                <>
                  <div>{line.text}</div>
                  {line.notes.map((note) => (
                    <Typography.Text key={note.label} type="secondary" style={{ display: 'block' }}>
                      {note.label}
                      {t('timeline.colon')}
                      {note.text}
                    </Typography.Text>
                  ))}
                </>
              );
            },
          },
        ]}
      />
    </>
  );
}
