import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useCategoryName } from '../../components/use-category-name';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { openContacts, type ContactView } from './desk-api';

/**
 * Messages waiting for an agent (web, SMS, email, mayor's mailbox) that intake could not settle by
 * itself, oldest first; "handle" opens one in the intake form.
 */
export function WaitingContactsPage() {
  const t = useT();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const waiting = useRequest(openContacts, 'open-contacts');

  return (
    <>
      <PageHeader
        title={t('desk.waiting.title')}
        subTitle={
          waiting.data !== undefined ? t('desk.waiting.count', { count: waiting.data.length }) : undefined
        }
        extra={<Button onClick={waiting.reload}>{t('common.refresh')}</Button>}
      />
      <Card size="small">
        <ErrorAlert error={waiting.error} />
        <Table<ContactView>
          rowKey="contactId"
          size="small"
          loading={waiting.loading}
          dataSource={waiting.data ?? []}
          locale={{ emptyText: <EmptyState description={t('desk.waiting.none')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: t('desk.waiting.receivedAt'),
              dataIndex: 'receivedAt',
              render: (at: string) => <time dateTime={at}>{new Date(at).toLocaleString()}</time>,
            },
            { title: t('case.channel'), dataIndex: 'channel', render: (c: string) => t(`channel.${c}`) },
            {
              title: t('case.citizen'),
              render: (_: unknown, row) =>
                row.caller.anonymous
                  ? t('desk.form.anonymous')
                  : (row.caller.name ?? row.caller.phone ?? '—'),
            },
            {
              title: t('case.content'),
              dataIndex: 'content',
              render: (content: string) => (
                <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0, maxWidth: 420 }}>
                  {content}
                </Typography.Paragraph>
              ),
            },
            {
              title: t('desk.suggest.title'),
              render: (_: unknown, row) => (
                <Space wrap size={4}>
                  {row.classification?.type !== undefined && (
                    <Tag>{t(`type.${row.classification.type}`)}</Tag>
                  )}
                  {row.classification?.categoryCode !== undefined && (
                    <Tag>{categoryName(row.classification.categoryCode)}</Tag>
                  )}
                  {row.quarantine !== undefined && <Tag color="orange">{t('desk.waiting.quarantined')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('case.actions'),
              render: (_: unknown, row) => (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => void navigate(`/desk?contact=${encodeURIComponent(row.contactId)}`)}
                  aria-label={t('desk.waiting.handleFrom', { name: row.caller.name ?? row.contactId })}
                >
                  {t('desk.waiting.handle')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
