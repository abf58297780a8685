import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Row } from 'antd';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components';
import { CardTitle } from '../../components/text-parts';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { KpiCards } from '../reports/kpi-cards';
import { getKpis, thisMonth } from '../reports/reports-api';
import { DistrictGridCard } from './district-grid-card';
import { KpiTargetsModal } from './kpi-targets-modal';
import { TrendCard } from './trend-card';

/** The KPIs the center is assessed on first: their cards lead the overview. */
export const CENTER_DASHBOARD_KPIS = [
  'onTimeCompletion',
  'satisfaction',
  'dispatchOnTime',
  'completion',
] as const;
const TREND_KPIS = ['onTimeCompletion', 'satisfaction', 'dispatchOnTime', 'completion', 'overdueRate'];

/**
 * The center's dashboard on its overview: this month's KPIs against their targets with 同比 and 环比,
 * the trend of the last 30 days or 12 months, and the districts coloured by a KPI with their drill-down.
 * All from the reporting counters (GetKpiReport), never a scan of cases.
 */
export function CenterDashboard() {
  const t = useT();
  const { message } = App.useApp();
  const { user } = useSession();
  // The center's staff and the city administrator set the targets (the reporting service checks again).
  const canSetTargets = user?.role === 'center' || user?.role === 'city-admin';
  const [editing, setEditing] = useState(false);
  // Each saved edit reads the cards, the trend and the grid again against the new targets.
  const [targetsRound, setTargetsRound] = useState(0);
  const range = useMemo(() => thisMonth(), []);
  const report = useRequest(
    () => getKpis({ ...range, compare: true }),
    `dashboard:${range.from}:${targetsRound}`,
  );
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col span={24}>
        <Card
          size="small"
          title={<CardTitle>{t('dashboard.monthKpis')}</CardTitle>}
          extra={
            canSetTargets && (
              <Button size="small" onClick={() => setEditing(true)}>
                {t('dashboard.targets.edit')}
              </Button>
            )
          }
        >
          <ErrorAlert error={report.error} />
          {report.data && <KpiCards report={report.data} keys={CENTER_DASHBOARD_KPIS} />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <TrendCard
          kpis={TREND_KPIS}
          volume="received"
          title={t('dashboard.trend')}
          refreshKey={targetsRound}
        />
      </Col>
      <Col xs={24} xl={12}>
        <DistrictGridCard range={range} refreshKey={targetsRound} />
      </Col>
      {canSetTargets && (
        <KpiTargetsModal
          open={editing}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            setTargetsRound((round) => round + 1);
            void message.success(t('dashboard.targets.saved'));
          }}
        />
      )}
    </Row>
  );
}
