import { Card, Descriptions } from 'antd';
import { DEFAULT_DEADLINE_POLICY } from '@hotline/contracts/src/workflow/deadline/deadline-policy';
import { CardTitle } from '../../components/text-parts';
import { useT } from '../../i18n';

type RuleKey = Exclude<keyof typeof DEFAULT_DEADLINE_POLICY, 'limits'>;

/** The deadline rules as `WORKFLOW_*` settings name them, in working days unless the row says hours. */
const RULES: readonly { key: RuleKey; setting: string; hours?: boolean }[] = [
  { key: 'convenienceListComplaint', setting: 'WORKFLOW_LIMIT_CONVENIENCE_COMPLAINT' },
  { key: 'urgentOrSimple', setting: 'WORKFLOW_LIMIT_URGENT_OR_SIMPLE' },
  { key: 'dispatchWithin', setting: 'WORKFLOW_DISPATCH_WITHIN_DAYS' },
  { key: 'signWithin', setting: 'WORKFLOW_SIGN_WITHIN_DAYS' },
  { key: 'returnWithin', setting: 'WORKFLOW_RETURN_WITHIN_DAYS' },
  { key: 'coHandlerLeadTime', setting: 'WORKFLOW_CO_HANDLER_LEAD_DAYS' },
  { key: 'extensionNoticeAtLeast', setting: 'WORKFLOW_EXTENSION_NOTICE_DAYS' },
  { key: 'subDispatchWithinHours', setting: 'WORKFLOW_SUB_DISPATCH_WITHIN_HOURS', hours: true },
];

/** The time rules the settings API does not edit: the platform defaults a deployment may override. */
export function DeadlineRulesCard() {
  const t = useT();
  const days = (value: number, hours?: boolean) =>
    hours === true
      ? t('admin.deadlines.hours', { value })
      : value === 0
        ? t('admin.deadlines.sameDay')
        : t('admin.deadlines.value', { value });
  return (
    <Card size="small" title={<CardTitle>{t('admin.deadlines.rules')}</CardTitle>}>
      <Descriptions size="small" column={1} bordered>
        {RULES.map((rule) => (
          <Descriptions.Item key={rule.key} label={t(`admin.rule.${rule.key}`)}>
            {days(Number(DEFAULT_DEADLINE_POLICY[rule.key]), rule.hours)} <code>{rule.setting}</code>
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}
