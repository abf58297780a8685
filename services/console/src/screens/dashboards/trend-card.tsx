import { useMemo, useState } from 'react';
import { Card, Segmented, Space } from 'antd';
import { LazyEChart } from '../../components/lazy-echart';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { targetPercent } from '../reports/kpi-format';
import { getKpis } from '../reports/reports-api';
import { trendPeriods, trendRange, type TrendWindow } from './dashboard-ranges';
import { KpiSelect } from './kpi-select';

export interface TrendCardProps {
  /** The KPIs one may draw as the line; the first is drawn at first. */
  kpis: readonly string[];
  /** A unit's trend counts the cases assigned to it, the center's those it received. */
  volume: 'received' | 'assigned';
  title: string;
  /** A change reads the trend again (the targets were set anew). */
  refreshKey?: number;
}

/**
 * Volume (bars) and a KPI (the line, against its target) over the last 30 days or 12 months, from the
 * counters grouped by day or month (GetKpiReport), scoped to the viewer by the reporting service.
 */
export function TrendCard({ kpis, volume, title, refreshKey = 0 }: TrendCardProps) {
  const t = useT();
  const [span, setSpan] = useState<TrendWindow>('days30');
  const [kpiKey, setKpiKey] = useState(kpis[0] ?? 'onTimeCompletion');
  const range = useMemo(() => trendRange(span), [span]);
  const report = useRequest(() => getKpis({ ...range }), `trend:${JSON.stringify(range)}:${refreshKey}`);
  const option = useMemo(() => {
    const periods = trendPeriods(range);
    const rows = new Map((report.data?.rows ?? []).map((row) => [row.key, row]));
    const kpiOf = (period: string) => rows.get(period)?.kpis.find((kpi) => kpi.key === kpiKey);
    const target = report.data?.totals.kpis.find((kpi) => kpi.key === kpiKey)?.target;
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    const axisName = (period: string) =>
      range.groupBy === 'day'
        ? t('dashboard.dayLabel', { month: Number(period.slice(5, 7)), day: Number(period.slice(8, 10)) })
        : t('dashboard.monthLabel', { year: period.slice(0, 4), month: Number(period.slice(5, 7)) });
    return {
      tooltip: { trigger: 'axis', valueFormatter: (value: number) => value.toLocaleString('zh-CN') },
      legend: { bottom: 0 },
      grid: { left: 48, right: 56, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: periods.map(axisName) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 1, axisLabel: { formatter: percent } },
      ],
      series: [
        {
          name: t(`reports.${volume}`),
          type: 'bar',
          data: periods.map((period) => rows.get(period)?.counters[volume] ?? 0),
          itemStyle: { color: '#91caff' },
        },
        {
          name: t('reports.completed'),
          type: 'bar',
          data: periods.map((period) => rows.get(period)?.counters.completed ?? 0),
          itemStyle: { color: '#1677ff' },
        },
        {
          name: t(`reports.kpi.${kpiKey}`),
          type: 'line',
          yAxisIndex: 1,
          connectNulls: true,
          tooltip: { valueFormatter: (value: number | null) => (value === null ? '—' : percent(value)) },
          data: periods.map((period) => kpiOf(period)?.value ?? null),
          itemStyle: { color: '#d46b08' },
          ...(target !== undefined
            ? {
                markLine: {
                  symbol: 'none',
                  data: [{ yAxis: target, name: t('dashboard.target') }],
                  label: {
                    position: 'insideEndTop',
                    formatter: () => t('reports.target', { target: targetPercent(target) }),
                  },
                  lineStyle: { type: 'dashed', color: '#cf1322' },
                },
              }
            : {}),
        },
      ],
    };
  }, [range, report.data, kpiKey, volume, t]);
  return (
    <Card
      size="small"
      title={title}
      loading={report.loading && !report.data}
      extra={
        <Space wrap>
          <Segmented
            size="small"
            value={span}
            onChange={setSpan}
            options={(['days30', 'months12'] as const).map((value) => ({
              value,
              label: t(`dashboard.window.${value}`),
            }))}
          />
          <KpiSelect kpis={kpis} value={kpiKey} onChange={setKpiKey} label={t('dashboard.trendKpi')} />
        </Space>
      }
    >
      <LazyEChart option={option} label={title} height={300} />
    </Card>
  );
}
