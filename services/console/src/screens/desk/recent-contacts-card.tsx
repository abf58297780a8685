import { Card, Table, Tag, Typography } from 'antd';
import { EmptyState } from '../../components';
import { CardTitle } from '../../components/text-parts';
import { useT } from '../../i18n';
import type { RecentContact } from './recent-contacts';

/** My recent contacts: what the agent took at this workstation, newest first. */
export function RecentContactsCard({ items }: { items: RecentContact[] }) {
  const t = useT();
  return (
    <Card size="small" title={<CardTitle>{t('desk.recent.title')}</CardTitle>}>
      {items.length === 0 ? (
        <EmptyState description={t('desk.recent.none')} />
      ) : (
        <Table<RecentContact>
          size="small"
          rowKey="contactId"
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          dataSource={items}
          columns={[
            {
              title: t('desk.recent.at'),
              dataIndex: 'at',
              render: (at: string) => <time dateTime={at}>{new Date(at).toLocaleTimeString()}</time>,
            },
            {
              title: t('desk.recent.outcome'),
              dataIndex: 'outcome',
              render: (outcome: string) => <Tag>{t(`desk.outcome.${outcome}`)}</Tag>,
            },
            {
              title: t('desk.recent.case'),
              dataIndex: 'caseNumber',
              render: (number: string | undefined) => number ?? '—',
            },
            {
              title: t('desk.recent.content'),
              dataIndex: 'excerpt',
              render: (excerpt: string) => (
                <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                  {excerpt}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
