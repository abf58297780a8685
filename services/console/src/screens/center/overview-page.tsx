import { useMemo } from 'react';
import { Button, Card, Col, Row, Statistic, Table } from 'antd';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert, PageHeader } from '../../components';
import { DeadlineBoardCard } from '../escalation/deadline-board-card';
import { EmergencyReportsCard } from '../escalation/emergency-reports-card';
import { LazyEChart } from '../../components/lazy-echart';
import { CenterDashboard } from '../dashboards/center-dashboard';
import { CardTitle } from '../../components/text-parts';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import {
  CASE_COLOURS,
  CASE_STATUSES,
  getBadges,
  searchCases,
  type CenterCounts,
  type CaseColourValue,
} from './center-api';

/**
 * Cases still being handled (not yet replied): the deadline light means something only for these,
 * and their red ones are exactly the overdue queue, so the chart and the card never disagree.
 */
const OPEN = 'registered,dispatched,returned,signed';
const COLOUR_HEX: Record<CaseColourValue, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };
/** Each queue opens the search that lists it, with the same filter its count uses. */
const QUEUES: readonly { key: keyof CenterCounts; search: string }[] = [
  { key: 'awaitingDispatch', search: 'status=registered' },
  { key: 'returned', search: 'status=returned' },
  { key: 'awaitingReview', search: 'status=replied' },
  { key: 'extensionPending', search: 'extensionPending=true' },
  { key: 'awaitingCallback', search: 'awaitingCallback=true' },
  { key: 'overdue', search: 'overdue=true' },
];

const total = (query: Record<string, string>) => searchCases({ ...query, pageSize: 1 }).then((r) => r.total);

async function loadCounts() {
  const [byStatus, byColour] = await Promise.all([
    Promise.all(CASE_STATUSES.map((status) => total({ status }))),
    Promise.all(CASE_COLOURS.map((colour) => total({ status: OPEN, colour }))),
  ]);
  return { byStatus, byColour };
}

/**
 * The center's overview: its queues (badges), its dashboard (KPIs against targets, trend, districts),
 * and every case by status and by deadline light.
 */
export function OverviewPage() {
  const t = useT();
  const navigate = useNavigate();
  const badges = useRequest(getBadges, 'badges');
  const counts = useRequest(loadCounts, 'counts');
  useLiveReload(() => {
    badges.reload();
    counts.reload();
  });

  const center = badges.data?.scope === 'center' ? badges.data.counts : undefined;
  const statusOption = useMemo(
    () => ({
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 64 },
      xAxis: {
        type: 'category',
        data: CASE_STATUSES.map((s) => t(`status.${s}`)),
        axisLabel: { rotate: 30 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: counts.data?.byStatus ?? [], itemStyle: { color: '#1677ff' } }],
    }),
    [counts.data, t],
  );
  const colourOption = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '70%'],
          label: { formatter: '{b}: {c}' },
          data: CASE_COLOURS.map((colour, index) => ({
            name: t(`colour.${colour}`),
            value: counts.data?.byColour[index] ?? 0,
            itemStyle: { color: COLOUR_HEX[colour] },
          })),
        },
      ],
    }),
    [counts.data, t],
  );

  const refresh = () => {
    badges.reload();
    counts.reload();
  };

  return (
    <>
      <PageHeader
        title={t('center.overview.title')}
        extra={<Button onClick={refresh}>{t('common.refresh')}</Button>}
      />
      <ErrorAlert error={badges.error ?? counts.error} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {QUEUES.map((queue) => {
          const count = (
            <Statistic
              title={t(`center.queue.${queue.key}`)}
              value={center?.[queue.key] ?? 0}
              styles={{ content: queue.key === 'overdue' ? { color: COLOUR_HEX.red } : {} }}
            />
          );
          return (
            <Col key={queue.key} xs={12} md={8} xl={4}>
              <Card size="small" loading={badges.loading && center === undefined}>
                <Link to={`/center/cases?${queue.search}`}>{count}</Link>
              </Card>
            </Col>
          );
        })}
      </Row>
      <CenterDashboard />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={<CardTitle>{t('center.overview.byStatus')}</CardTitle>}>
            <LazyEChart
              option={statusOption}
              label={t('center.overview.byStatus')}
              onClick={({ dataIndex }) =>
                void navigate(`/center/cases?status=${CASE_STATUSES[dataIndex] ?? ''}`)
              }
            />
            <CountTable
              rows={CASE_STATUSES.map((s, i) => ({
                key: s,
                name: t(`status.${s}`),
                value: counts.data?.byStatus[i],
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={<CardTitle>{t('center.overview.byColour')}</CardTitle>}>
            <LazyEChart option={colourOption} label={t('center.overview.byColour')} />
            <CountTable
              rows={CASE_COLOURS.map((c, i) => ({
                key: c,
                name: t(`colour.${c}`),
                value: counts.data?.byColour[i],
              }))}
            />
          </Card>
        </Col>
      </Row>
      <DeadlineBoardCard area="center" />
      <EmergencyReportsCard />
    </>
  );
}

/** The chart's numbers as text: charts are not the only way to read them. */
function CountTable({ rows }: { rows: { key: string; name: string; value: number | undefined }[] }) {
  const t = useT();
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: t('center.overview.item'), dataIndex: 'name' },
        {
          title: t('center.overview.count'),
          dataIndex: 'value',
          align: 'right',
          render: (v?: number) => v ?? '—',
        },
      ]}
    />
  );
}
