import { Card, Space } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert, PageHeader } from '../../components';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { KpiCards } from './kpi-cards';
import { getKpis, thisMonth } from './reports-api';
import { ScorecardsCard } from './scorecards-card';
import { TrendCard } from '../dashboards/trend-card';

const UNIT_KPIS = [
  'signOnTime',
  'onTimeCompletion',
  'completion',
  'satisfaction',
  'returnRate',
  'redoRate',
  'overdueRate',
  'repeatContactRate',
] as const;

/**
 * A unit's own report: its KPIs this month against the targets, 环比 and 同比, its trend over 30 days
 * or 12 months, and its place in the ranking.
 */
export function UnitReportPage() {
  const t = useT();
  const range = thisMonth();
  const report = useRequest(() => getKpis({ ...range, compare: true }), `unit-report:${range.from}`);
  return (
    <>
      <PageHeader title={t('reports.unitTitle')} extra={<Link to="/unit">{t('reports.backToInbox')}</Link>} />
      <ErrorAlert error={report.error} />
      {report.data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <KpiCards report={report.data} keys={UNIT_KPIS} />
          <Card size="small" title={t('reports.threeRates')}>
            <KpiCards
              report={report.data}
              keys={['beijingResponse', 'beijingResolution', 'beijingSatisfaction']}
            />
          </Card>
          <TrendCard
            kpis={['onTimeCompletion', 'signOnTime', 'satisfaction', 'returnRate']}
            volume="assigned"
            title={t('dashboard.unitTrend')}
          />
          <ScorecardsCard from={range.from} to={range.to} />
        </Space>
      )}
    </>
  );
}
