import { useState } from 'react';
import { Breadcrumb, Card, Col, Row, Table, Typography } from 'antd';
import { districtPlaceName } from '@hotline/contracts/src/workflow/units/place-names';
import { useNavigate } from 'react-router';
import { ErrorAlert, ToneTag } from '../../components';
import { useRequest } from '../../components/use-request';
import { useUnitName } from '../../components/use-unit-name';
import { useT } from '../../i18n';
import { useGroupLabel } from '../reports/group-label';
import { kpiText } from '../reports/kpi-format';
import { getKpis, unitCasesHref, type ReportRow } from '../reports/reports-api';
import { kpiTone, type DayRange, type Tone } from './dashboard-ranges';
import { KpiSelect } from './kpi-select';

/** The KPIs a district may be coloured by. */
const GRID_KPIS = [
  'onTimeCompletion',
  'satisfaction',
  'dispatchOnTime',
  'completion',
  'overdueRate',
  'returnRate',
];
const TONE_STYLE: Record<Tone, { background: string; borderColor: string }> = {
  good: { background: '#f6ffed', borderColor: '#95de64' },
  near: { background: '#fffbe6', borderColor: '#ffd666' },
  bad: { background: '#fff1f0', borderColor: '#ff7875' },
  none: { background: '#fafafa', borderColor: '#d9d9d9' },
};
const TONE_TAG = { good: 'green', near: 'orange', bad: 'red', none: 'grey' } as const;

const kpiOf = (row: ReportRow | undefined, key: string) => row?.kpis.find((kpi) => kpi.key === key);

/**
 * The districts as a grid of tiles coloured by a chosen KPI against its target (no map tiles: the
 * console runs offline), drilling down district → its units → the unit's cases of the period.
 */
export function DistrictGridCard({ range, refreshKey = 0 }: { range: DayRange; refreshKey?: number }) {
  const t = useT();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const unitLabel = useGroupLabel('unit');
  const [kpiKey, setKpiKey] = useState('onTimeCompletion');
  const [districtId, setDistrictId] = useState<string>();
  const districts = useRequest(
    () => getKpis({ ...range, groupBy: 'district' }),
    `district-grid:${range.from}:${range.to}:${refreshKey}`,
  );
  const units = useRequest(
    () => getKpis({ ...range, groupBy: 'unit', districtId: districtId ?? '' }),
    districtId ? `district-units:${districtId}:${range.from}:${range.to}` : null,
  );
  const districtName = (id: string) => districtPlaceName(unitName(id));
  const openCases = (unitId: string) => void navigate(unitCasesHref(unitId, range));
  const count = (n: number | undefined) => (n ?? 0).toLocaleString('zh-CN');

  return (
    <Card
      size="small"
      title={t('dashboard.districts')}
      data-testid="district-grid"
      extra={
        <KpiSelect kpis={GRID_KPIS} value={kpiKey} onChange={setKpiKey} label={t('dashboard.colourBy')} />
      }
    >
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <a onClick={() => setDistrictId(undefined)}>{t('dashboard.wholeCity')}</a> },
          ...(districtId ? [{ title: districtName(districtId) }] : []),
        ]}
      />
      <ErrorAlert error={districts.error ?? units.error} />
      {!districtId && (
        <Row gutter={[8, 8]}>
          {(districts.data?.rows ?? [])
            .filter((row) => row.key !== '-')
            .map((row) => {
              const kpi = kpiOf(row, kpiKey);
              return (
                <Col key={row.key} xs={12} md={8} xl={6}>
                  <Card
                    size="small"
                    hoverable
                    role="button"
                    data-district={row.key}
                    style={{ ...TONE_STYLE[kpiTone(kpi)], borderWidth: 2 }}
                    onClick={() => setDistrictId(row.key)}
                  >
                    <Typography.Text strong>{districtName(row.key)}</Typography.Text>
                    <div style={{ fontSize: 24, lineHeight: '32px' }} data-kpi-value>
                      {kpiText(kpi, t('reports.seconds'))}
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('dashboard.districtLine', {
                        received: count(row.counters.received),
                        completed: count(row.counters.completed),
                      })}
                    </Typography.Text>
                  </Card>
                </Col>
              );
            })}
        </Row>
      )}
      {districtId && (
        <Table
          size="small"
          rowKey="key"
          loading={units.loading}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('reports.noData') }}
          dataSource={(units.data?.rows ?? []).filter((row) => row.key !== '-')}
          onRow={(row) => ({ onClick: () => openCases(row.key), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('reports.groupBy.unit'), key: 'unit', render: (_, row) => unitLabel(row.key) },
            {
              title: t('reports.assigned'),
              key: 'assigned',
              align: 'right',
              render: (_, row) => count(row.counters.assigned),
            },
            {
              title: t('reports.completed'),
              key: 'completed',
              align: 'right',
              render: (_, row) => count(row.counters.completed),
            },
            {
              title: t(`reports.kpi.${kpiKey}`),
              key: 'kpi',
              align: 'right',
              render: (_, row) => {
                const kpi = kpiOf(row, kpiKey);
                return <ToneTag tone={TONE_TAG[kpiTone(kpi)]}>{kpiText(kpi, t('reports.seconds'))}</ToneTag>;
              },
            },
          ]}
        />
      )}
    </Card>
  );
}
