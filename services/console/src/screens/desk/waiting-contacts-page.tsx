import { useState } from 'react';
import { Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useCategoryName } from '../../components/use-category-name';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { openContacts, releaseContact, type ContactView } from './desk-api';

/**
 * Messages waiting for an agent (web, SMS, email, mayor's mailbox) that intake could not settle by
 * itself, oldest first; "handle" opens one in the intake form.
 */
export function WaitingContactsPage() {
  const t = useT();
  // Who sent it, as the table shows it: the name, else the number (never the contact's id).
  const callerOf = (row: ContactView): string =>
    row.caller.anonymous ? t('desk.form.anonymous') : (row.caller.name ?? row.caller.phone ?? '—');
  const instant = useInstant();
  const navigate = useNavigate();
  const categoryName = useCategoryName();
  const [quarantined, setQuarantined] = useState(false);
  const waiting = useRequest(() => openContacts(quarantined), `open-contacts:${quarantined}`);
  const [releasing, setReleasing] = useState<string | undefined>(undefined);
  const [actionError, setActionError] = useState<unknown>(undefined);

  const release = async (contactId: string) => {
    setReleasing(contactId);
    setActionError(undefined);
    try {
      await releaseContact(contactId);
      waiting.reload();
    } catch (error) {
      setActionError(error);
    } finally {
      setReleasing(undefined);
    }
  };

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
        <Segmented
          aria-label={t('desk.waiting.which')}
          style={{ marginBottom: 12 }}
          value={quarantined ? 'quarantined' : 'waiting'}
          onChange={(value) => setQuarantined(value === 'quarantined')}
          options={[
            { value: 'waiting', label: t('desk.waiting.ready') },
            { value: 'quarantined', label: t('desk.waiting.quarantinedList') },
          ]}
        />
        <ErrorAlert error={waiting.error ?? actionError} />
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
              render: (at: string) => <time dateTime={at}>{instant(at)}</time>,
            },
            { title: t('case.channel'), dataIndex: 'channel', render: (c: string) => t(`channel.${c}`) },
            {
              title: t('case.citizen'),
              render: (_: unknown, row) => callerOf(row),
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
                  {row.quarantine !== undefined && (
                    <Tag color="orange">{t(`desk.quarantine.${row.quarantine.reason}`)}</Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t('case.actions'),
              render: (_: unknown, row) =>
                row.quarantine !== undefined ? (
                  <Button
                    size="small"
                    loading={releasing === row.contactId}
                    onClick={() => void release(row.contactId)}
                    aria-label={t('desk.waiting.releaseFrom', { name: callerOf(row) })}
                  >
                    {t('desk.waiting.release')}
                  </Button>
                ) : (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => void navigate(`/desk?contact=${encodeURIComponent(row.contactId)}`)}
                    aria-label={t('desk.waiting.handleFrom', { name: callerOf(row) })}
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
