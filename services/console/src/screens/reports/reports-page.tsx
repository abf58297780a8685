import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Select, Space, Switch, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { ErrorAlert, PageHeader } from '../../components';
import { EChart } from '../../components/echart';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { useGroupLabel } from './group-label';
import { CaseListExport } from './case-list-export';
import { KpiCards } from './kpi-cards';
import { kpiText } from './kpi-format';
import { exportHref, getKpis, thisMonth, unitCasesHref, type ReportRow } from './reports-api';
import { ScorecardsCard } from './scorecards-card';
import { TopicsPanel } from './topics-panel';

const MAIN_KPIS = [
  'dispatchOnTime',
  'onTimeCompletion',
  'completion',
  'callbackRate',
  'satisfaction',
  'returnRate',
  'redoRate',
  'overdueRate',
] as const;
const THREE_RATES = ['beijingResponse', 'beijingResolution', 'beijingSatisfaction'] as const;
const TABLE_KPIS = [
  'dispatchOnTime',
  'onTimeCompletion',
  'completion',
  'satisfaction',
  'returnRate',
] as const;
const GROUPS = [
  'none',
  'district',
  'unit',
  'category',
  'channel',
  'type',
  'day',
  'week',
  'month',
  'quarter',
  'year',
];

/**
 * The center's and the leaders' report: KPIs of any period against their targets with 同比 and 环比,
 * broken down by a dimension or a period (a unit row drills down to its cases), exports and print,
 * unit scorecards, hot topics and surge alerts.
 */
export function ReportsPage() {
  const t = useT();
  const navigate = useNavigate();
  const [range, setRange] = useState(thisMonth);
  const [groupBy, setGroupBy] = useState('unit');
  const [compare, setCompare] = useState(true);
  const query = useMemo(
    () => ({ from: range.from, to: range.to, ...(groupBy !== 'none' ? { groupBy } : {}), compare }),
    [range, groupBy, compare],
  );
  const report = useRequest(() => getKpis(query), JSON.stringify(query));
  const label = useGroupLabel(report.data?.groupBy ?? null);
  const rows = report.data?.rows ?? [];
  const byUnit = report.data?.groupBy === 'unit';
  const chart = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 72 },
      xAxis: { type: 'category', data: rows.map((row) => label(row.key)), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: byUnit ? t('reports.assigned') : t('reports.received'),
          type: 'bar',
          data: rows.map((row) => (byUnit ? row.counters.assigned : row.counters.received)),
        },
        { name: t('reports.completed'), type: 'bar', data: rows.map((row) => row.counters.completed) },
      ],
    }),
    [rows, label, t, byUnit],
  );
  const exportQuery = { from: range.from, to: range.to, ...(groupBy !== 'none' ? { groupBy } : {}) };
  const columns = [
    { title: t('reports.group'), key: 'group', render: (_: unknown, row: ReportRow) => label(row.key) },
    {
      title: t('reports.received'),
      key: 'received',
      render: (_: unknown, row: ReportRow) => row.counters.received,
    },
    {
      title: t('reports.assigned'),
      key: 'assigned',
      render: (_: unknown, row: ReportRow) => row.counters.assigned,
    },
    {
      title: t('reports.completed'),
      key: 'completed',
      render: (_: unknown, row: ReportRow) => row.counters.completed,
    },
    ...TABLE_KPIS.map((key) => ({
      title: t(`reports.kpi.${key}`),
      key,
      render: (_: unknown, row: ReportRow) =>
        kpiText(
          row.kpis.find((kpi) => kpi.key === key),
          t('reports.seconds'),
        ),
    })),
  ];

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        extra={
          <Space wrap>
            <span>{t('reports.export')}</span>
            {(['xlsx', 'csv', 'pdf'] as const).map((format) => (
              <Button key={format} href={exportHref('kpis', format, exportQuery)} download>
                {t(`reports.export${format === 'xlsx' ? 'Xlsx' : format === 'csv' ? 'Csv' : 'Pdf'}`)}
              </Button>
            ))}
            <CaseListExport query={{ from: range.from, to: range.to }} />
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('reports.range')}</span>
        <DatePicker.RangePicker
          aria-label={t('reports.range')}
          allowClear={false}
          value={[dayjs(range.from), dayjs(range.to)]}
          onChange={(values: null | (Dayjs | null)[]) => {
            const [from, to] = values ?? [];
            if (from && to) setRange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
        />
        <span>{t('reports.groupBy')}</span>
        <Select
          aria-label={t('reports.groupBy')}
          value={groupBy}
          onChange={setGroupBy}
          style={{ width: 160 }}
          options={GROUPS.map((group) => ({ value: group, label: t(`reports.groupBy.${group}`) }))}
        />
        <Switch aria-label={t('reports.compare')} checked={compare} onChange={setCompare} />
        <span>{t('reports.compare')}</span>
      </Space>
      <ErrorAlert error={report.error} />
      {report.data && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <KpiCards report={report.data} keys={MAIN_KPIS} />
          <Card size="small" title={t('reports.threeRates')}>
            <KpiCards report={report.data} keys={THREE_RATES} />
          </Card>
          {rows.length > 0 && (
            <Card size="small" title={t('reports.chart')}>
              <EChart option={chart} label={t('reports.chart')} height={300} />
            </Card>
          )}
          <Table
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('reports.noData') }}
            onRow={(row) => ({
              onClick: () => {
                if (report.data?.groupBy === 'unit' && row.key !== '-') {
                  void navigate(unitCasesHref(row.key, range));
                }
              },
              style: { cursor: report.data?.groupBy === 'unit' ? 'pointer' : undefined },
            })}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('reports.total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{report.data?.totals.counters.received}</Table.Summary.Cell>
                <Table.Summary.Cell index={2}>{report.data?.totals.counters.assigned}</Table.Summary.Cell>
                <Table.Summary.Cell index={3}>{report.data?.totals.counters.completed}</Table.Summary.Cell>
                {TABLE_KPIS.map((key, index) => (
                  <Table.Summary.Cell index={4 + index} key={key}>
                    {kpiText(
                      report.data?.totals.kpis.find((kpi) => kpi.key === key),
                      t('reports.seconds'),
                    )}
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
          />
          <ScorecardsCard from={range.from} to={range.to} />
          <TopicsPanel />
        </Space>
      )}
    </>
  );
}
