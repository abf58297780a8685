import { useMemo } from 'react';
import { Card, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import type { CaseSummaryView } from '@hotline/contracts';
import { CaseColourTag, CaseStatusTag, EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { listUnits, searchCases } from './center-api';
import { CaseFilters } from './case-filters';

const PAGE_SIZE = 20;

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
  const names = useMemo(
    () => new Map((units.data ?? []).map((unit) => [unit.unitId, unit.name])),
    [units.data],
  );
  useLiveReload(result.reload);

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
      </Card>
      <ErrorAlert error={result.error} />
      <Table<CaseSummaryView>
        rowKey="caseId"
        size="small"
        loading={result.loading}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: <EmptyState description={t('center.search.none')} /> }}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result.data?.total ?? 0,
          showSizeChanger: false,
          onChange: goTo,
        }}
        columns={[
          {
            title: t('case.number'),
            dataIndex: 'caseNumber',
            render: (number: string, row) => (
              <Link to={`/center/cases/${encodeURIComponent(row.caseId)}`}>{number}</Link>
            ),
          },
          {
            title: t('case.title'),
            dataIndex: 'title',
            render: (title: string) => (
              <Typography.Text ellipsis style={{ maxWidth: 280 }}>
                {title}
              </Typography.Text>
            ),
          },
          { title: t('case.type'), dataIndex: 'type', render: (type: string) => t(`type.${type}`) },
          {
            title: t('case.status'),
            dataIndex: 'status',
            render: (status: string) => <CaseStatusTag status={status} />,
          },
          {
            title: t('case.colour'),
            render: (_: unknown, row) => (row.colour ? <CaseColourTag colour={row.colour} /> : '—'),
          },
          {
            title: t('case.leadUnit'),
            dataIndex: 'leadUnitId',
            render: (unitId?: string) => (unitId ? (names.get(unitId) ?? unitId) : '—'),
          },
          {
            title: t('case.registeredAt'),
            dataIndex: 'registeredAt',
            render: (at: string) => <time dateTime={at}>{new Date(at).toLocaleString()}</time>,
          },
          {
            title: t('case.deadline'),
            dataIndex: 'deadlineAt',
            render: (at?: string) => (at ? <time dateTime={at}>{new Date(at).toLocaleString()}</time> : '—'),
          },
        ]}
      />
    </>
  );
}
