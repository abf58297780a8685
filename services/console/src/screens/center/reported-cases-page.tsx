import { Card, Table, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import type { CaseSummaryView } from '@hotline/contracts';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useCaseColumns } from '../../components/case-columns';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { searchCases } from './center-api';

const LISTS = ['awaiting', 'instructed'] as const;
type List = (typeof LISTS)[number];

const QUERY: Record<List, Record<string, string>> = {
  awaiting: { reportedToLeader: 'true', instructed: 'false' },
  instructed: { instructed: 'true' },
};

/**
 * The leaders' area (呈报件): cases the center reported to them, waiting for an instruction (批示),
 * and cases with instructions written. A case opens with the summary reported and the instructions.
 */
export function ReportedCasesPage() {
  const t = useT();
  const columns = useCaseColumns('center', ['number', 'title', 'status', 'colour', 'leadUnit', 'updatedAt']);
  const [params, setParams] = useSearchParams();
  const list: List = params.get('list') === 'instructed' ? 'instructed' : 'awaiting';
  const result = useRequest(
    () => searchCases({ ...QUERY[list], sort: 'updatedAt', order: 'desc', pageSize: 50 }),
    `reported:${list}`,
  );
  useLiveReload(
    result.reload,
    (event) => event.type === 'CaseReportedToLeader' || event.type === 'CaseLeaderInstructionRecorded',
  );
  return (
    <>
      <PageHeader title={t('center.reported.title')} subTitle={t('center.reported.hint')} />
      <Tabs
        activeKey={list}
        onChange={(key) => setParams({ list: key })}
        items={LISTS.map((key) => ({ key, label: t(`center.reported.${key}`) }))}
      />
      <ErrorAlert error={result.error} />
      <Card size="small">
        <Table<CaseSummaryView>
          rowKey="caseId"
          size="small"
          loading={result.loading}
          dataSource={result.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t(`center.reported.none.${list}`)} /> }}
          scroll={{ x: 900 }}
          columns={columns}
        />
      </Card>
    </>
  );
}
