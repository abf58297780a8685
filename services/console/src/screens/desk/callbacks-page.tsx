import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import type { CaseSummaryView } from '@hotline/contracts';
import { apiGet } from '../../api/http';
import { CallbackModal } from '../../components/callback-modal';
import { CaseColourTag, EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { CaseNumberLink } from '../../components/case-link';
import { useInstant, useT } from '../../i18n';

interface Page {
  total: number;
  items: CaseSummaryView[];
}

const PAGE_SIZE = 20;

/**
 * The callback to-do list (回访待办): completed cases not yet called back, the longest-waiting first.
 * A recorded callback takes the case off the list at once (read after the write) and for everyone
 * else through the live stream, so no citizen is called twice.
 */
export function CallbacksPage() {
  const t = useT();
  const instant = useInstant();
  const [page, setPage] = useState(1);
  const [minPosition, setMinPosition] = useState<number | undefined>(undefined);
  const [calling, setCalling] = useState<string | undefined>(undefined);
  const todo = useRequest(
    () =>
      apiGet<Page>('/api/cases', {
        awaitingCallback: true,
        sort: 'updatedAt',
        order: 'asc',
        page,
        pageSize: PAGE_SIZE,
        minPosition,
      }),
    `callbacks:${page}:${minPosition ?? 0}`,
  );
  useLiveReload(
    todo.reload,
    (event) => event.type === 'CaseCompleted' || event.type === 'CaseCallbackRecorded',
  );

  return (
    <>
      <PageHeader
        title={t('desk.callbacks.title')}
        subTitle={todo.data !== undefined ? t('desk.callbacks.count', { count: todo.data.total }) : undefined}
        extra={<Button onClick={todo.reload}>{t('common.refresh')}</Button>}
      />
      <Card size="small">
        <ErrorAlert error={todo.error} />
        <Table<CaseSummaryView>
          rowKey="caseId"
          size="small"
          loading={todo.loading}
          dataSource={todo.data?.items ?? []}
          locale={{ emptyText: <EmptyState description={t('desk.callbacks.none')} /> }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: todo.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('case.number'),
              dataIndex: 'caseNumber',
              render: (number: string) => <CaseNumberLink area="desk" caseNumber={number} />,
            },
            {
              title: t('case.title'),
              dataIndex: 'title',
              render: (title: string) => (
                <Typography.Text ellipsis style={{ maxWidth: 360 }}>
                  {title}
                </Typography.Text>
              ),
            },
            { title: t('case.type'), dataIndex: 'type', render: (type: string) => t(`type.${type}`) },
            {
              title: t('desk.callbacks.completedAt'),
              dataIndex: 'updatedAt',
              render: (at: string) => <time dateTime={at}>{instant(at)}</time>,
            },
            {
              title: t('case.colour'),
              render: (_: unknown, row) => <CaseColourTag colour={row.colour} />,
            },
            {
              title: t('case.actions'),
              render: (_: unknown, row) => (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => setCalling(row.caseId)}
                  aria-label={t('desk.callbacks.callFor', { number: row.caseNumber })}
                >
                  {t('desk.callbacks.call')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <CallbackModal
        caseId={calling}
        onCancel={() => setCalling(undefined)}
        onDone={(position) => {
          setCalling(undefined);
          setMinPosition(position);
        }}
      />
    </>
  );
}
