import { useState } from 'react';
import { Card, DatePicker, Flex, Progress, Segmented, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { EmptyState, ErrorAlert, PageHeader } from '../../components';
import { useRequest } from '../../components/use-request';
import { useInstant, useT } from '../../i18n';
import { useGroupLabel } from '../reports/group-label';
import { getSatisfaction, type SatisfactionGrouping, type SatisfactionRow } from './survey-api';

const GROUPINGS: SatisfactionGrouping[] = ['unit', 'category', 'district', 'month', 'day'];
const DIMENSIONS = ['overall', 'efficiency', 'attitude', 'result'] as const;

const percent = (rate: number) => Math.round(rate * 1000) / 10;

/**
 * Callback satisfaction (回访满意率): satisfied and basically satisfied over evaluated, per
 * dimension and overall, by unit, category, district, month or day, for a range of answer days.
 */
export function SatisfactionPage() {
  const t = useT();
  const instant = useInstant();
  const [by, setBy] = useState<SatisfactionGrouping>('unit');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const figures = useRequest(() => getSatisfaction(by, from, to), `satisfaction:${by}:${from}:${to}`);
  const groupLabel = useGroupLabel(by === 'month' || by === 'day' ? null : by);
  const label = (key: string) => {
    if (by === 'day') return instant(`${key}T12:00:00+08:00`, 'date');
    if (by === 'month') {
      const [year = '', month = ''] = key.split('-');
      return t('survey.satisfaction.month', { year, month: Number(month) });
    }
    return groupLabel(key);
  };

  return (
    <>
      <PageHeader title={t('survey.satisfaction.title')} subTitle={t('survey.satisfaction.intro')} />
      <Card size="small">
        <Flex gap="middle" wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented<SatisfactionGrouping>
            value={by}
            onChange={setBy}
            options={GROUPINGS.map((value) => ({ value, label: t(`survey.satisfaction.by.${value}`) }))}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            aria-label={t('survey.satisfaction.range')}
            onChange={(value) => setRange(value)}
          />
        </Flex>
        <ErrorAlert error={figures.error} />
        <Table<SatisfactionRow>
          rowKey="key"
          size="small"
          loading={figures.loading}
          dataSource={figures.data?.rows ?? []}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: <EmptyState description={t('survey.satisfaction.none')} /> }}
          columns={[
            {
              title: t(`survey.satisfaction.by.${by}`),
              dataIndex: 'key',
              render: (key: string) => label(key),
            },
            { title: t('survey.satisfaction.evaluated'), dataIndex: 'evaluated', align: 'right' },
            ...DIMENSIONS.map((dimension) => ({
              title: t(`survey.satisfaction.${dimension}`),
              key: dimension,
              render: (_: unknown, row: SatisfactionRow) => (
                <Progress
                  percent={percent(row.rates[dimension])}
                  size="small"
                  status={row.rates[dimension] < 0.8 ? 'exception' : 'normal'}
                  format={(value) => `${value ?? 0}%`}
                  aria-label={t(`survey.satisfaction.${dimension}`)}
                />
              ),
            })),
          ]}
        />
      </Card>
    </>
  );
}
