import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { CaseSummaryView } from '@hotline/contracts';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useCaseColumns } from '../../components/case-columns';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { listUnits, searchCases } from './center-api';
import { CaseFilters } from './case-filters';
import { BatchDispatchModal } from './batch-dispatch-modal';
import { useSession } from '../../auth/session';

/** The roles whose dispatches the workflow accepts (center staff; supervisors act as agents). */
const DISPATCHERS = new Set(['center', 'supervisor']);

const PAGE_SIZE = 20;
/** The overview's queues that are no field of the form: shown as a tag that can be removed. */
const QUEUE_FLAGS = ['extensionPending', 'awaitingCallback', 'reportedToLeader'] as const;

/** Case search: filters, sort and paging live in the URL; the list follows live events. */
export function CaseSearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const units = useRequest(() => listUnits(true), 'units');
  const key = params.toString();
  const page = Number(params.get('page') ?? '1') || 1;
  const result = useRequest(
    () => searchCases({ ...Object.fromEntries(params), page, pageSize: PAGE_SIZE }),
    `search:${key}`,
  );
  const instant = useInstant();
  const head = useCaseColumns('center', ['number', 'title']);
  const rest = useCaseColumns('center', ['status', 'colour', 'leadUnit', 'registeredAt']);
  useLiveReload(result.reload);
  const { user } = useSession();
  const canDispatch = DISPATCHERS.has(user?.role ?? '');
  // Selected across pages by id; a case dispatched meanwhile drops out when the list is read again.
  const [selected, setSelected] = useState<CaseSummaryView[]>([]);
  const [batch, setBatch] = useState(false);

  const goTo = (next: number) => {
    const copy = new URLSearchParams(params);
    copy.set('page', String(next));
    setParams(copy);
  };

  return (
    <>
      <PageHeader
        title={t('center.search.title')}
        subTitle={
          result.data !== undefined ? t('center.search.total', { total: result.data.total }) : undefined
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <CaseFilters params={params} units={units.data ?? []} onSearch={setParams} />
        {QUEUE_FLAGS.filter((flag) => params.get(flag) === 'true').map((flag) => (
          <Tag
            key={flag}
            color="blue"
            style={{ marginTop: 12 }}
            closable
            closeIcon={<CloseOutlined aria-label={t('center.search.removeFlag')} />}
            onClose={() => {
              const copy = new URLSearchParams(params);
              copy.delete(flag);
              setParams(copy);
            }}
          >
            {t(`center.search.flag.${flag}`)}
          </Tag>
        ))}
      </Card>
      <ErrorAlert error={result.error} />
      {canDispatch && selected.length > 0 && (
        <Space style={{ marginBottom: 12 }}>
          <span role="status">{t('batch.selected', { count: selected.length })}</span>
          <Button type="primary" onClick={() => setBatch(true)}>
            {t('batch.open')}
          </Button>
        </Space>
      )}
      {batch && (
        <BatchDispatchModal
          cases={selected}
          onClose={(changed) => {
            setBatch(false);
            if (changed) {
              setSelected([]);
              result.reload();
            }
          }}
        />
      )}
      <Table<CaseSummaryView>
        rowKey="caseId"
        size="small"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: <EmptyState description={t('center.search.none')} /> }}
        scroll={{ x: 1000 }}
        rowSelection={
          canDispatch
            ? {
                preserveSelectedRowKeys: true,
                // No select-all: only cases waiting for dispatch are chosen, one by one.
                hideSelectAll: true,
                selectedRowKeys: selected.map((c) => c.caseId),
                onChange: (_keys, rows) => setSelected(rows.filter((row) => row !== undefined)),
                getCheckboxProps: (row) => ({
                  disabled: row.status !== 'registered',
                  'aria-label': t('batch.select', { number: row.caseNumber }),
                }),
              }
            : undefined
        }
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result.data?.total ?? 0,
          showSizeChanger: false,
          onChange: goTo,
        }}
        columns={[
          ...head,
          { title: t('case.type'), dataIndex: 'type', render: (type: string) => t(`type.${type}`) },
          ...rest,
          {
            title: t('case.deadline'),
            dataIndex: 'deadlineAt',
            render: (at?: string) => (at ? <time dateTime={at}>{instant(at)}</time> : '—'),
          },
        ]}
      />
    </>
  );
}
