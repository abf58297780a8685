import { Card, Input, Table } from 'antd';
import { useSearchParams } from 'react-router';
import type { CaseSummaryView } from '@hotline/contracts';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useCaseColumns } from '../../components/case-columns';
import { findOf, findParams } from '../../components/case-find';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { searchCases } from '../center/center-api';

/**
 * The desk's case lookup (工单查询) for "where is my case?": by case number, the caller's phone or
 * name, read-only; a case opens with its status, units, deadline, reply and timeline.
 */
export function CaseLookupPage() {
  const t = useT();
  const columns = useCaseColumns('desk', ['number', 'title', 'status', 'colour', 'leadUnit', 'registeredAt']);
  const [params, setParams] = useSearchParams();
  const find = findOf(params);
  const result = useRequest(
    () => searchCases({ ...findParams(find), pageSize: 20 }),
    find !== undefined ? `lookup:${params.toString()}` : null,
  );
  return (
    <>
      <PageHeader title={t('desk.lookup.title')} subTitle={t('desk.lookup.hint')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('desk.lookup.find')}
          placeholder={t('desk.lookup.placeholder')}
          defaultValue={find}
          enterButton={t('desk.lookup.submit')}
          allowClear
          autoFocus
          maxLength={50}
          onSearch={(value) => setParams(new URLSearchParams(findParams(value)))}
        />
      </Card>
      <ErrorAlert error={result.error} />
      {find !== undefined && (
        <Table<CaseSummaryView>
          rowKey="caseId"
          size="small"
          loading={result.loading}
          dataSource={result.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('desk.lookup.none')} /> }}
          scroll={{ x: 900 }}
          columns={columns}
        />
      )}
    </>
  );
}
