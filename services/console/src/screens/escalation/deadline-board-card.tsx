import { Card, Table, Typography } from 'antd';
import type { DeadlineBoardRow } from '@hotline/contracts';
import { EmptyState, ErrorAlert, ToneTag } from '../../components';
import { CaseNumberLink, type CaseArea } from '../../components/case-link';
import { CardTitle } from '../../components/text-parts';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { useUnitName } from '../../components/use-unit-name';
import { useInstant, useT } from '../../i18n';
import { getDeadlineBoard } from './escalation-api';

/**
 * The near-due and overdue list (临期/超期): open cases past or near their deadline, the most
 * overdue first, with working days left or overdue. The center sees every unit's, a unit its own.
 */
export function DeadlineBoardCard({ area }: { area: CaseArea }) {
  const t = useT();
  const instant = useInstant();
  const unitName = useUnitName();
  const board = useRequest(() => getDeadlineBoard(20), 'deadline-board');
  useLiveReload(board.reload);
  return (
    <Card size="small" title={<CardTitle>{t('escalation.board.title')}</CardTitle>} className="section">
      <ErrorAlert error={board.error} />
      <Table<DeadlineBoardRow>
        rowKey="caseId"
        size="small"
        loading={board.loading}
        dataSource={board.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState description={t('escalation.board.none')} /> }}
        columns={[
          {
            title: t('case.number'),
            dataIndex: 'caseNumber',
            render: (number: string | undefined) =>
              number ? <CaseNumberLink area={area} caseNumber={number} /> : '—',
          },
          ...(area === 'unit'
            ? []
            : [
                {
                  title: t('escalation.unit'),
                  dataIndex: 'unitId',
                  render: (unitId: string | undefined) => (unitId ? unitName(unitId) : '—'),
                },
              ]),
          {
            title: t('escalation.board.due'),
            dataIndex: 'dueAt',
            render: (at: string) => <time dateTime={at}>{instant(at)}</time>,
          },
          {
            title: t('escalation.board.left'),
            render: (_: unknown, row: DeadlineBoardRow) => (
              <Typography.Text type={row.colour === 'red' ? 'danger' : 'warning'} strong>
                {row.workingDaysLeft < 0
                  ? t('escalation.board.overdueBy', { days: -row.workingDaysLeft })
                  : t('escalation.board.daysLeft', { days: row.workingDaysLeft })}
              </Typography.Text>
            ),
          },
          {
            title: t('escalation.board.flags'),
            render: (_: unknown, row: DeadlineBoardRow) => (
              <>
                {row.underSupervision && <ToneTag tone="red">{t('escalation.board.supervised')}</ToneTag>}
                {row.reportedToLeader && <ToneTag tone="blue">{t('escalation.board.reported')}</ToneTag>}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
