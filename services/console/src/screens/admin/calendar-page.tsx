import { Alert, Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import holidays from '@hotline/contracts/src/kernel/calendar/cn-public-holidays.json';
import { DEFAULT_DEADLINE_POLICY } from '@hotline/contracts/src/workflow/deadline/deadline-policy';
import { PageHeader } from '../../components';
import { CardTitle, VisuallyHidden } from '../../components/text-parts';
import { useT } from '../../i18n';
import { CASE_TYPES } from '../desk/desk-api';

type Schedule = { holidays: string[]; workdays: string[] };
const YEARS = Object.entries(holidays as Record<string, unknown>)
  .filter((entry): entry is [string, Schedule] => /^\d{4}$/.test(entry[0]))
  .sort(([a], [b]) => a.localeCompare(b));

/** The deadline rules as `WORKFLOW_*` settings name them, in working days unless the row says hours. */
const RULES: readonly { key: string; setting: string; value: number; hours?: boolean }[] = [
  {
    key: 'convenienceListComplaint',
    setting: 'WORKFLOW_LIMIT_CONVENIENCE_COMPLAINT',
    value: DEFAULT_DEADLINE_POLICY.convenienceListComplaint,
  },
  {
    key: 'urgentOrSimple',
    setting: 'WORKFLOW_LIMIT_URGENT_OR_SIMPLE',
    value: DEFAULT_DEADLINE_POLICY.urgentOrSimple,
  },
  {
    key: 'dispatchWithin',
    setting: 'WORKFLOW_DISPATCH_WITHIN_DAYS',
    value: DEFAULT_DEADLINE_POLICY.dispatchWithin,
  },
  { key: 'signWithin', setting: 'WORKFLOW_SIGN_WITHIN_DAYS', value: DEFAULT_DEADLINE_POLICY.signWithin },
  {
    key: 'returnWithin',
    setting: 'WORKFLOW_RETURN_WITHIN_DAYS',
    value: DEFAULT_DEADLINE_POLICY.returnWithin,
  },
  {
    key: 'coHandlerLeadTime',
    setting: 'WORKFLOW_CO_HANDLER_LEAD_DAYS',
    value: DEFAULT_DEADLINE_POLICY.coHandlerLeadTime,
  },
  {
    key: 'extensionNoticeAtLeast',
    setting: 'WORKFLOW_EXTENSION_NOTICE_DAYS',
    value: DEFAULT_DEADLINE_POLICY.extensionNoticeAtLeast,
  },
  {
    key: 'yellowWithin',
    setting: 'WORKFLOW_YELLOW_WITHIN_DAYS',
    value: DEFAULT_DEADLINE_POLICY.yellowWithin,
  },
  {
    key: 'subDispatchWithinHours',
    setting: 'WORKFLOW_SUB_DISPATCH_WITHIN_HOURS',
    value: DEFAULT_DEADLINE_POLICY.subDispatchWithinHours,
    hours: true,
  },
];

/**
 * Calendar and deadline settings, read-only: the gateway has no settings route, so this shows the
 * platform defaults and the official calendar; a deployment overrides them with `WORKFLOW_*` settings.
 */
export function CalendarPage() {
  const t = useT();
  const days = (value: number, hours?: boolean) =>
    hours === true
      ? t('admin.calendar.hours', { value })
      : value === 0
        ? t('admin.calendar.sameDay')
        : t('admin.calendar.days', { value });
  return (
    <>
      <PageHeader title={t('admin.calendar.title')} />
      <Alert type="info" showIcon title={t('admin.calendar.readOnly')} style={{ marginBottom: 12 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={<CardTitle>{t('admin.calendar.limits')}</CardTitle>}>
            <Descriptions size="small" column={1} bordered>
              {CASE_TYPES.map((type) => (
                <Descriptions.Item key={type} label={t(`type.${type}`)}>
                  {days(DEFAULT_DEADLINE_POLICY.limits[type])}{' '}
                  <code>WORKFLOW_LIMIT_{type.toUpperCase()}</code>
                </Descriptions.Item>
              ))}
              {RULES.map((rule) => (
                <Descriptions.Item key={rule.key} label={t(`admin.rule.${rule.key}`)}>
                  {days(rule.value, rule.hours)} <code>{rule.setting}</code>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={<CardTitle>{t('admin.calendar.holidays')}</CardTitle>}>
            <Table
              size="small"
              rowKey={([year]) => year}
              pagination={false}
              dataSource={YEARS}
              columns={[
                { title: t('admin.calendar.year'), render: (_: unknown, [year]) => year },
                {
                  title: t('admin.calendar.daysOff'),
                  render: (_: unknown, [, schedule]) =>
                    t('admin.calendar.count', { count: schedule.holidays.length }),
                },
                {
                  title: t('admin.calendar.workdays'),
                  render: (_: unknown, [, schedule]) =>
                    schedule.workdays.map((d) => (
                      <Tag key={d} style={{ marginBottom: 4 }}>
                        {d}
                      </Tag>
                    )),
                },
              ]}
              expandable={{
                columnTitle: <VisuallyHidden>{t('admin.calendar.daysOffList')}</VisuallyHidden>,
                expandedRowRender: ([, schedule]) => schedule.holidays.map((d) => <Tag key={d}>{d}</Tag>),
              }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
