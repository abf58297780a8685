import { Card, Table } from 'antd';
import type { SuggestionAccuracyWeek, SuggestionRate } from '@hotline/contracts';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useRequest } from '../../components/use-request';
import { useLocale, useT } from '../../i18n';
import { getSuggestionAccuracy, ratePercent, weekRange } from './suggestion-accuracy';

/**
 * The weekly report of the classifier's suggestions against what agents finally chose: type,
 * category (first suggestion and among the three offered) and handling unit (against the lead
 * unit that replied), per week the contacts came in, newest first.
 */
export function SuggestionAccuracyPage() {
  const t = useT();
  const { locale } = useLocale();
  const result = useRequest(() => getSuggestionAccuracy(12), 'suggestion-accuracy');
  const rate = (key: string, pick: (w: SuggestionAccuracyWeek) => SuggestionRate) => ({
    title: t(`center.accuracy.${key}`),
    key,
    align: 'right' as const,
    render: (_: unknown, week: SuggestionAccuracyWeek) => {
      const r = pick(week);
      return <span title={t('center.accuracy.ofCases', { right: r.right, of: r.of })}>{ratePercent(r)}</span>;
    },
  });
  return (
    <>
      <PageHeader title={t('center.accuracy.title')} subTitle={t('center.accuracy.hint')} />
      <ErrorAlert error={result.error} />
      <Card size="small">
        <Table<SuggestionAccuracyWeek>
          rowKey="weekStart"
          size="small"
          loading={result.loading}
          dataSource={result.data?.weeks ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('center.accuracy.none')} /> }}
          columns={[
            {
              title: t('center.accuracy.week'),
              key: 'week',
              render: (_: unknown, week) => weekRange(week.weekStart, locale),
            },
            { title: t('center.accuracy.cases'), dataIndex: 'cases', key: 'cases', align: 'right' },
            rate('type', (w) => w.type),
            rate('categoryTop1', (w) => w.categoryTop1),
            rate('categoryTop3', (w) => w.categoryTop3),
            rate('unitTop1', (w) => w.unitTop1),
          ]}
        />
      </Card>
    </>
  );
}
