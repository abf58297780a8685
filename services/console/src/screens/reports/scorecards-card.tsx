import { Button, Card, Space, Table } from 'antd';
import { ErrorAlert } from '../../components';
import { useRequest } from '../../components/use-request';
import { useT } from '../../i18n';
import { exportHref, getScorecards, type UnitScorecard } from './reports-api';

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** Unit scorecards and their 100-point ranking for the report's period. */
export function ScorecardsCard({ from, to }: { from: string; to: string }) {
  const t = useT();
  const cards = useRequest(() => getScorecards(from, to), `${from}:${to}`);
  const rate = (key: keyof UnitScorecard, title: string) => ({
    title,
    key,
    render: (_: unknown, card: UnitScorecard) => percent(card[key] as number | null),
  });
  return (
    <Card
      size="small"
      title={t('reports.scorecards')}
      extra={
        <Space>
          <Button size="small" href={exportHref('scorecards', 'xlsx', { from, to })} download>
            {t('reports.exportXlsx')}
          </Button>
          <Button size="small" href={exportHref('scorecards', 'pdf', { from, to })} download>
            {t('reports.exportPdf')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={cards.error} />
      <Table
        size="small"
        rowKey="unitId"
        dataSource={cards.data?.units ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('reports.noData') }}
        columns={[
          { title: t('reports.rank'), dataIndex: 'rank', key: 'rank', width: 64 },
          { title: t('reports.unit'), dataIndex: 'name', key: 'name' },
          { title: t('reports.assigned'), dataIndex: 'assigned', key: 'assigned' },
          rate('signedOnTime', t('reports.signedOnTime')),
          rate('returnRate', t('reports.returnRateShort')),
          rate('completedOnTime', t('reports.completedOnTime')),
          rate('redoRate', t('reports.redoRateShort')),
          rate('satisfaction', t('reports.satisfactionShort')),
          { title: t('reports.repeatContacts'), dataIndex: 'repeatContacts', key: 'repeatContacts' },
          { title: t('reports.score'), dataIndex: 'score', key: 'score' },
        ]}
      />
    </Card>
  );
}
