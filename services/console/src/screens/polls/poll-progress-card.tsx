import { Card, Progress, Table, Typography } from 'antd';
import { EmptyState, ToneTag } from '../../components';
import { useUnitName } from '../../components/use-unit-name';
import { useInstant, useT } from '../../i18n';
import type { PollFrameImport, PollQuotaRow } from './polls-api';

/** Progress per district and frame (配额): drawn against the quota, completed against drawn. */
export function PollProgressCard({ quotas }: { quotas: readonly PollQuotaRow[] }) {
  const t = useT();
  const unitName = useUnitName();
  const count = (key: keyof PollQuotaRow) => ({
    title: t(`polls.progress.${key}`),
    dataIndex: key,
    align: 'right' as const,
  });
  return (
    <Card size="small" title={t('polls.progress.title')}>
      <Table<PollQuotaRow>
        rowKey={(row) => `${row.district}|${row.frame}`}
        size="small"
        pagination={false}
        dataSource={[...quotas]}
        locale={{ emptyText: <EmptyState description={t('polls.none')} /> }}
        columns={[
          { title: t('polls.progress.district'), dataIndex: 'district', render: (d: string) => unitName(d) },
          {
            title: t('polls.progress.frame'),
            dataIndex: 'frame',
            render: (f: string) => t(`polls.frame.${f}`),
          },
          count('target'),
          count('available'),
          {
            ...count('drawn'),
            render: (drawn: number, row) => (
              <>
                {drawn}{' '}
                {row.drawn < row.target && row.available > 0 && (
                  <ToneTag tone="orange">{t('polls.progress.short')}</ToneTag>
                )}
              </>
            ),
          },
          count('completed'),
          count('notReached'),
          count('refused'),
          {
            title: t('polls.progress.done'),
            key: 'done',
            width: 180,
            render: (_: unknown, row) => (
              <Progress
                size="small"
                percent={row.target > 0 ? Math.min(100, Math.round((row.completed / row.target) * 100)) : 0}
                aria-label={t('polls.progress.done')}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The frame files imported, each with the lines that were not kept and why. */
export function PollImportsTable({ imports }: { imports: readonly PollFrameImport[] }) {
  const t = useT();
  const instant = useInstant();
  return (
    <Table<PollFrameImport>
      rowKey="importId"
      size="small"
      pagination={false}
      dataSource={[...imports]}
      expandable={{
        rowExpandable: (row) => row.rejectedCount > 0,
        expandedRowRender: (row) => (
          <ul aria-label={t('polls.imports.rejected')} style={{ margin: 0 }}>
            {row.rejected.map((line) => (
              <li key={line.line}>
                <Typography.Text type="danger">
                  {t('polls.imports.line', {
                    line: line.line,
                    reason: t(`polls.rejection.${line.code}`, line),
                  })}
                </Typography.Text>
              </li>
            ))}
          </ul>
        ),
      }}
      columns={[
        { title: t('polls.import.frame'), dataIndex: 'frame', render: (f: string) => t(`polls.frame.${f}`) },
        {
          title: t('polls.imports.file'),
          dataIndex: 'fileName',
          // The name as the office gave it, without its extension (a screen shows words, not formats).
          render: (name: string, row) => {
            const shown = name.replace(/\.[A-Za-z0-9]{1,5}$/, '');
            const parts = row.parts;
            // A file still being sent (or stopped half way) says so: the rest comes with the same file.
            return parts && parts.imported < parts.count
              ? t('polls.imports.partial', { name: shown, done: parts.imported, total: parts.count })
              : shown;
          },
        },
        { title: t('polls.imports.accepted'), dataIndex: 'accepted', align: 'right' },
        { title: t('polls.imports.rejected'), dataIndex: 'rejectedCount', align: 'right' },
        { title: t('polls.imports.at'), dataIndex: 'importedAt', render: (at: string) => instant(at) },
      ]}
    />
  );
}
