import { useMemo } from 'react';
import { Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { districtPlaceName } from '@hotline/contracts/src/workflow/units/place-names';
import { ErrorAlert, PageHeader } from '../../components';
import { useCategoryName } from '../../components/use-category-name';
import { useRequest } from '../../components/use-request';
import { useUnitName } from '../../components/use-unit-name';
import { useInstant, useT } from '../../i18n';
import { useEventStream } from '../../live/use-live';
import { kpiText, meetsTarget, pointsChange } from '../reports/kpi-format';
import {
  getHotTopics,
  getKpis,
  getSurges,
  thisMonth,
  type Kpi,
  type KpiReport,
} from '../reports/reports-api';
import { surgeBannerHours, surgeBannerId } from '../supervisor/surge-banner-hours';
import { TrendCard } from './trend-card';

const BIG_KPIS = ['onTimeCompletion', 'satisfaction'] as const;
const TOPICS_SHOWN = 5;
const SURGES_SHOWN = 48;

/**
 * The leader's view: the city this month in a few big numbers (against targets, 环比), the surges of
 * the last 24 hours (one line an hour, read again when one is pushed), the week's hot topics, and the
 * trend.
 */
export function LeaderDashboardPage() {
  const t = useT();
  const instant = useInstant();
  const categoryName = useCategoryName();
  const unitName = useUnitName();
  const range = useMemo(() => thisMonth(), []);
  const report = useRequest(() => getKpis({ ...range, compare: true }), `leader:${range.from}`);
  const surges = useRequest(() => getSurges(24), 'leader-surges');
  const topics = useRequest(() => getHotTopics(7), 'leader-topics');
  useEventStream('/api/live', 'surge', () => surges.reload());
  const name = (item: { kind: string; key: string; districtId?: string }) => {
    const label = item.kind === 'category' ? categoryName(item.key) : item.key;
    return item.districtId && item.districtId !== 'city'
      ? t('supervisor.surge.inDistrict', { label, district: districtPlaceName(unitName(item.districtId)) })
      : label;
  };
  const count = (n: number) => n.toLocaleString('zh-CN');
  // One line an hour, as the supervisors' banners: a storm surges under several keys at once.
  const hours = surgeBannerHours(
    [],
    (surges.data?.surges ?? []).map((surge) => ({ ...surge, id: surgeBannerId(surge), label: surge.key })),
    new Set(),
    SURGES_SHOWN,
  );
  return (
    <>
      <PageHeader title={t('dashboard.leaderTitle')} />
      <ErrorAlert error={report.error ?? surges.error ?? topics.error} />
      <Row gutter={[16, 16]}>
        {report.data && <BigNumbers report={report.data} />}
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.surges')} data-testid="leader-surges">
            <List
              size="small"
              dataSource={hours}
              // antd's empty text is too light to read (below WCAG AA): the console's secondary grey.
              locale={{ emptyText: <span style={{ color: '#595959' }}>{t('dashboard.noSurges')}</span> }}
              renderItem={([lead, ...others]) =>
                lead && (
                  <List.Item>
                    <Space direction="vertical" size={0}>
                      <Typography.Text strong>
                        {t('supervisor.surge.item', {
                          kind: t(`supervisor.surge.kind.${lead.kind}`),
                          label: name(lead),
                          count: count(lead.count),
                        })}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {t('reports.surgeLine', {
                          hour: instant(lead.hour),
                          count: count(lead.count),
                          mean: Math.round(lead.baselineMean * 10) / 10,
                        })}
                      </Typography.Text>
                      {others.length > 0 && (
                        <Typography.Text type="secondary">
                          {t('supervisor.surge.alsoSurging', {
                            items: others
                              .map((other) =>
                                t('supervisor.surge.item', {
                                  kind: t(`supervisor.surge.kind.${other.kind}`),
                                  label: name(other),
                                  count: count(other.count),
                                }),
                              )
                              .join('；'),
                          })}
                        </Typography.Text>
                      )}
                    </Space>
                  </List.Item>
                )
              }
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.hotTopics')} data-testid="leader-topics">
            <List
              size="small"
              dataSource={[
                ...(topics.data?.topics.category ?? []),
                ...(topics.data?.topics.term ?? []),
                ...(topics.data?.topics.place ?? []),
              ]
                .sort((a, b) => b.count - a.count)
                .slice(0, TOPICS_SHOWN)}
              locale={{ emptyText: <span style={{ color: '#595959' }}>{t('reports.noData')}</span> }}
              renderItem={(topic, index) => (
                <List.Item extra={t('dashboard.topicCount', { count: count(topic.count) })}>
                  <Space>
                    <Typography.Text strong>{index + 1}</Typography.Text>
                    {/* The three kinds in one list: the leader reads a place or a word apart from a category. */}
                    <Tag bordered={false}>{t(`reports.hot.${topic.kind}`)}</Tag>
                    <span>{name(topic)}</span>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col span={24}>
          <TrendCard
            kpis={['satisfaction', 'onTimeCompletion', 'completion']}
            volume="received"
            title={t('dashboard.cityTrend')}
          />
        </Col>
      </Row>
    </>
  );
}

/** Four numbers a leader reads at a glance: received, the two assessed rates, and what is overdue. */
function BigNumbers({ report }: { report: KpiReport }) {
  const t = useT();
  const find = (kpis: Kpi[] | undefined, key: string) => kpis?.find((kpi) => kpi.key === key);
  const received = report.totals.counters.received ?? 0;
  const before = report.periodOnPeriod?.counters.received;
  const big = { fontSize: 40, fontWeight: 600 };
  const change = (n: number) => `${n > 0 ? '+' : ''}${n}`;
  return (
    <>
      <Col xs={12} xl={6}>
        <Card size="small" data-big="received">
          <Statistic
            title={t('dashboard.received')}
            value={received.toLocaleString('zh-CN')}
            styles={{ content: big }}
          />
          {before !== undefined && before > 0 && (
            <Typography.Text type="secondary">
              {t('dashboard.popCount', {
                change: change(Math.round(((received - before) / before) * 1000) / 10),
              })}
            </Typography.Text>
          )}
        </Card>
      </Col>
      {BIG_KPIS.map((key) => {
        const kpi = find(report.totals.kpis, key);
        const meets = meetsTarget(kpi);
        const pop = pointsChange(kpi, find(report.periodOnPeriod?.kpis, key));
        return (
          <Col xs={12} xl={6} key={key}>
            <Card size="small" data-big={key}>
              <Statistic
                title={t(`reports.kpi.${key}`)}
                value={kpiText(kpi, t('reports.seconds'))}
                styles={{
                  content: { ...big, color: meets === false ? '#cf1322' : meets ? '#389e0d' : undefined },
                }}
              />
              <Typography.Text type="secondary">
                {kpi?.target !== undefined &&
                  t('reports.target', { target: `${Math.round(kpi.target * 100)}%` })}
                {pop !== undefined && ` · ${t('reports.pop', { change: change(pop) })}`}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
      <Col xs={12} xl={6}>
        <Card size="small" data-big="overdue">
          <Statistic
            title={t('dashboard.overdue')}
            value={(report.totals.counters.overdue ?? 0).toLocaleString('zh-CN')}
            styles={{ content: { ...big, color: '#cf1322' } }}
          />
        </Card>
      </Col>
    </>
  );
}
