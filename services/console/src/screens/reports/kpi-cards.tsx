import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { ToneTag } from '../../components';
import { formatInstant, useLocale, useT } from '../../i18n';
import { kpiText, meetsTarget, pointsChange, targetPercent } from './kpi-format';
import type { Kpi, KpiReport } from './reports-api';

const find = (kpis: Kpi[] | undefined, key: string) => kpis?.find((kpi) => kpi.key === key);

/** One card per KPI: its value, numerator / denominator, target and the change against 同比 and 环比. */
export function KpiCards({ report, keys }: { report: KpiReport; keys: readonly string[] }) {
  const t = useT();
  const { locale } = useLocale();
  const set = report.targetsSet;
  // Who set the targets and when, once the center has set them (the deployment's setting says nobody).
  const targetText = (target: number) =>
    set
      ? t('reports.targetSetBy', {
          target: targetPercent(target),
          who: set.by.name ?? t('reports.targetSetter'),
          when: formatInstant(set.at, locale),
        })
      : t('reports.target', { target: targetPercent(target) });
  return (
    <Row gutter={[12, 12]}>
      {keys.map((key) => {
        const kpi = find(report.totals.kpis, key);
        const meets = meetsTarget(kpi);
        const yoy = pointsChange(kpi, find(report.yearOnYear?.kpis, key));
        const pop = pointsChange(kpi, find(report.periodOnPeriod?.kpis, key));
        const signed = (change: number) => `${change > 0 ? '+' : ''}${change}`;
        return (
          <Col xs={12} md={8} xl={6} key={key}>
            <Card size="small" data-kpi={key}>
              <Statistic title={t(`reports.kpi.${key}`)} value={kpiText(kpi, t('reports.seconds'))} />
              <div style={{ fontSize: 12, color: '#595959', minHeight: 40 }}>
                {kpi && (
                  <Tooltip
                    title={t('reports.counts', { numerator: kpi.numerator, denominator: kpi.denominator })}
                  >
                    <span>
                      {t('reports.counts', { numerator: kpi.numerator, denominator: kpi.denominator })}
                    </span>
                  </Tooltip>
                )}
                {kpi?.target !== undefined && (
                  <span style={{ marginLeft: 8 }} data-target>
                    {targetText(kpi.target)}
                  </span>
                )}
                {meets !== undefined && (
                  <span style={{ marginLeft: 8 }}>
                    <ToneTag tone={meets ? 'green' : 'red'}>
                      {meets ? t('reports.meets') : t('reports.misses')}
                    </ToneTag>
                  </span>
                )}
                <div>
                  {yoy !== undefined && <span>{t('reports.yoy', { change: signed(yoy) })}</span>}
                  {pop !== undefined && (
                    <span style={{ marginLeft: 8 }}>{t('reports.pop', { change: signed(pop) })}</span>
                  )}
                </div>
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
