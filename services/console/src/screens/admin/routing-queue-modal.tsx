import { Divider, Form, Input, InputNumber, Modal, Select } from 'antd';
import { LANGUAGE_SKILLS } from '@hotline/contracts';
import { useSkillName } from '../../components/skill-names';
import { useLocale, useT } from '../../i18n';
import { LANGUAGES, STRATEGIES, type QueueConfig } from './routing-api';
import {
  OverflowFields,
  TierRulesField,
  overflowTarget,
  overflowValues,
  type OverflowValues,
} from './routing-queue-fields';
import { OtherSkillsField, otherSkills, type OtherSkill } from './routing-skills-field';

interface Values extends OverflowValues {
  queueId: string;
  name: string;
  strategy: QueueConfig['strategy'];
  offerTimeoutSeconds: number;
  afterContactWorkSeconds: number;
  serviceLevelSeconds: number;
  shortAbandonSeconds: number;
  urgentPriority: number;
  repeatCallerPriority: number;
  /** The least level of each language or dialect a contact of this queue needs (empty: not needed). */
  languages: Record<string, number | null>;
  otherSkills: OtherSkill[];
  tierRules: QueueConfig['tierRules'];
  maxWaitSeconds?: number | null;
  noAgentMaxWaitSeconds?: number | null;
  maxLength?: number | null;
  alarmWaitSeconds?: number | null;
}

interface Props {
  queue: QueueConfig | undefined;
  template: QueueConfig;
  queues: QueueConfig[];
  onCancel: () => void;
  onSave: (queue: QueueConfig) => void;
}

const given = (value: number | null | undefined): value is number => value !== null && value !== undefined;

/**
 * A queue (skill group): strategy, times, the languages it needs, the pool widening by tier,
 * other skills, priorities, limits and where a contact overflows.
 */
export function RoutingQueueModal({ queue, template, queues, onCancel, onSave }: Props) {
  const t = useT();
  const { locale } = useLocale();
  // The catalogue's names (the city may rename a language); the shipped ones while it loads.
  const skillName = useSkillName();
  const [form] = Form.useForm<Values>();
  const base = queue ?? template;
  const submit = (v: Values) => {
    const kept = (v.otherSkills ?? []).map((s) => ({ skillId: s.skillId.trim(), minLevel: s.level }));
    const languages = LANGUAGES.flatMap((skillId) => {
      const level = v.languages[skillId];
      return given(level) && level > 0 ? [{ skillId, minLevel: level }] : [];
    });
    const overflow = overflowTarget(v);
    onSave({
      queueId: v.queueId.trim(),
      name: v.name.trim(),
      requiredSkills: [...kept, ...languages],
      strategy: v.strategy,
      offerTimeoutSeconds: v.offerTimeoutSeconds,
      afterContactWorkSeconds: v.afterContactWorkSeconds,
      tierRules: [...v.tierRules].sort((a, b) => a.tier - b.tier),
      ...(given(v.maxWaitSeconds) ? { maxWaitSeconds: v.maxWaitSeconds } : {}),
      ...(given(v.noAgentMaxWaitSeconds) ? { noAgentMaxWaitSeconds: v.noAgentMaxWaitSeconds } : {}),
      ...(given(v.maxLength) ? { maxLength: v.maxLength } : {}),
      ...(given(v.alarmWaitSeconds) ? { alarmWaitSeconds: v.alarmWaitSeconds } : {}),
      ...(overflow ? { overflow } : {}),
      urgentPriority: v.urgentPriority,
      repeatCallerPriority: v.repeatCallerPriority,
      serviceLevelSeconds: v.serviceLevelSeconds,
      shortAbandonSeconds: v.shortAbandonSeconds,
    });
  };
  const seconds = t('admin.routing.seconds');
  return (
    <Modal
      open
      width={640}
      title={queue ? t('admin.routing.editQueue', { name: queue.name }) : t('admin.routing.newQueue')}
      okText={t('admin.routing.save')}
      cancelText={t('admin.routing.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          ...base,
          languages: Object.fromEntries(
            LANGUAGES.map((l) => [l, base.requiredSkills.find((r) => r.skillId === l)?.minLevel ?? null]),
          ),
          otherSkills: otherSkills(base.requiredSkills.map((r) => [r.skillId, r.minLevel])),
          maxWaitSeconds: base.maxWaitSeconds ?? null,
          noAgentMaxWaitSeconds: base.noAgentMaxWaitSeconds ?? null,
          maxLength: base.maxLength ?? null,
          alarmWaitSeconds: base.alarmWaitSeconds ?? null,
          ...overflowValues(base.overflow),
        }}
      >
        <Form.Item
          name="queueId"
          label={t('admin.routing.queueId')}
          extra={t('admin.routing.queueIdHelp')}
          rules={[
            { required: true, pattern: /^[a-z][a-z0-9-]{0,39}$/, message: t('admin.routing.queueIdHelp') },
          ]}
        >
          <Input disabled={queue !== undefined} />
        </Form.Item>
        <Form.Item name="name" label={t('admin.routing.name')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="strategy" label={t('admin.routing.strategy')}>
          <Select options={STRATEGIES.map((s) => ({ value: s, label: t(`admin.routing.strategy.${s}`) }))} />
        </Form.Item>
        <Form.Item name="offerTimeoutSeconds" label={t('admin.routing.offerTimeout')}>
          <InputNumber min={1} max={600} addonAfter={seconds} />
        </Form.Item>
        <Form.Item name="afterContactWorkSeconds" label={t('admin.routing.acw')}>
          <InputNumber min={0} max={3600} addonAfter={seconds} />
        </Form.Item>
        <Form.Item name="serviceLevelSeconds" label={t('admin.routing.serviceLevel')}>
          <InputNumber min={1} max={600} addonAfter={seconds} />
        </Form.Item>
        <Form.Item name="shortAbandonSeconds" label={t('admin.routing.shortAbandon')}>
          <InputNumber min={0} max={600} addonAfter={seconds} />
        </Form.Item>
        <Divider>{t('admin.routing.needsTitle')}</Divider>
        {LANGUAGES.map((language) => (
          <Form.Item
            key={language}
            name={['languages', language]}
            label={t('admin.routing.needsLanguage', {
              language: skillName(language) ?? LANGUAGE_SKILLS[language][locale === 'en' ? 'en' : 'zh'],
            })}
          >
            <InputNumber min={0} max={10} />
          </Form.Item>
        ))}
        <OtherSkillsField kind="needs" />
        <TierRulesField />
        <Form.Item name="urgentPriority" label={t('admin.routing.urgentPriority')}>
          <InputNumber min={0} max={9} />
        </Form.Item>
        <Form.Item name="repeatCallerPriority" label={t('admin.routing.repeatCallerPriority')}>
          <InputNumber min={0} max={9} />
        </Form.Item>
        <Divider>{t('admin.routing.limitsTitle')}</Divider>
        <Form.Item name="maxWaitSeconds" label={t('admin.routing.maxWait')}>
          <InputNumber min={1} max={86400} addonAfter={seconds} />
        </Form.Item>
        <Form.Item
          name="noAgentMaxWaitSeconds"
          label={t('admin.routing.noAgentMaxWait')}
          extra={t('admin.routing.noAgentMaxWaitHelp')}
        >
          <InputNumber min={0} max={86400} addonAfter={seconds} />
        </Form.Item>
        <Form.Item name="maxLength" label={t('admin.routing.maxLength')}>
          <InputNumber min={1} max={1_000_000} />
        </Form.Item>
        <OverflowFields form={form} queues={queues} own={base.queueId} />
        <Form.Item
          name="alarmWaitSeconds"
          label={t('admin.routing.alarmWait')}
          extra={t('admin.routing.alarmWaitHelp')}
        >
          <InputNumber min={1} max={86400} addonAfter={seconds} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
