import { Card, Table, Typography } from 'antd';
import type { EmergencyReportView, ReminderDelivery } from '@hotline/contracts';
import { EmptyState, ErrorAlert, ToneTag } from '../../components';
import { CaseNumberLink } from '../../components/case-link';
import { CardTitle } from '../../components/text-parts';
import { useCategoryName } from '../../components/use-category-name';
import { useLiveReload } from '../../components/use-live-reload';
import { useRequest } from '../../components/use-request';
import { useUnitName } from '../../components/use-unit-name';
import { useInstant, useT } from '../../i18n';
import { listEmergencyReports } from './escalation-api';

const TONE = { delivered: 'green', requested: 'blue', pending: 'grey', undelivered: 'red' } as const;

/**
 * Emergency cases reported to the emergency management office (应急管理部门报告): what, where, when
 * received and dispatched, to which unit, and whether its duty officer was texted and called.
 */
export function EmergencyReportsCard() {
  const t = useT();
  const instant = useInstant();
  const unitName = useUnitName();
  const categoryName = useCategoryName();
  const reports = useRequest(() => listEmergencyReports(20), 'emergency-reports');
  useLiveReload(reports.reload);
  const alert = (deliveries: ReminderDelivery[] | undefined) =>
    (deliveries ?? []).map((d) => (
      <ToneTag key={d.channel} tone={TONE[d.state]}>
        {t(`escalation.emergency.${d.channel}.${d.state}`)}
      </ToneTag>
    ));
  return (
    <Card size="small" title={<CardTitle>{t('escalation.emergency.title')}</CardTitle>} className="section">
      <ErrorAlert error={reports.error} />
      <Table<EmergencyReportView>
        rowKey="caseId"
        size="small"
        loading={reports.loading}
        dataSource={reports.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState description={t('escalation.emergency.none')} /> }}
        columns={[
          {
            title: t('case.number'),
            dataIndex: 'caseNumber',
            render: (number: string) => <CaseNumberLink area="center" caseNumber={number} />,
          },
          {
            title: t('escalation.emergency.category'),
            dataIndex: 'categoryCode',
            render: (code: string) => categoryName(code),
          },
          {
            title: t('escalation.emergency.matter'),
            render: (_: unknown, row) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: row.matter }} style={{ marginBottom: 0 }}>
                {row.address ? `${row.address}：` : ''}
                {row.matter}
              </Typography.Paragraph>
            ),
          },
          { title: t('escalation.unit'), dataIndex: 'unitId', render: (unitId: string) => unitName(unitId) },
          {
            title: t('escalation.emergency.receivedAt'),
            dataIndex: 'receivedAt',
            render: (at: string) => <time dateTime={at}>{instant(at)}</time>,
          },
          {
            title: t('escalation.emergency.reportedAt'),
            dataIndex: 'reportedAt',
            render: (at: string) => <time dateTime={at}>{instant(at)}</time>,
          },
          { title: t('escalation.emergency.dutyReached'), render: (_: unknown, row) => alert(row.alert) },
        ]}
      />
    </Card>
  );
}
