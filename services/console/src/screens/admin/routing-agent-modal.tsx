import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { AgentPhone, LANGUAGE_SKILLS } from '@hotline/contracts';
import { useSkillName } from '../../components/skill-names';
import { useLocale, useT } from '../../i18n';
import { LANGUAGES, type AgentProfile, type QueueConfig } from './routing-api';
import { OtherSkillsField, otherSkills, type OtherSkill } from './routing-skills-field';

interface Values {
  account: string;
  queueIds: string[];
  /** The agent's tier in each queue: 1 answers at once, higher tiers once the wait passes a tier rule. */
  tiers: Record<string, number | null>;
  chatCapacity: number;
  /** Empty: the agent's calls ring no phone. */
  sipAddress?: string;
  workNumber?: string;
  levels: Record<string, number | null>;
  otherSkills: OtherSkill[];
}

interface Props {
  profile: AgentProfile | undefined;
  queues: QueueConfig[];
  onCancel: () => void;
  onSave: (profile: AgentProfile) => void;
}

/** An agent's seat: the queues they answer, their language levels and other skills, how many chats at once, their phone and work number. */
export function RoutingAgentModal({ profile, queues, onCancel, onSave }: Props) {
  const t = useT();
  const { locale } = useLocale();
  // The catalogue's names (the city may rename a language); the shipped ones while it loads.
  const skillName = useSkillName();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) => {
    const kept = Object.fromEntries((v.otherSkills ?? []).map((s) => [s.skillId.trim(), s.level]));
    const levels = Object.fromEntries(
      Object.entries(v.levels).filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0),
    );
    onSave({
      agentId: profile?.agentId ?? `user:${v.account.trim()}`,
      skills: { ...kept, ...levels },
      queues: v.queueIds.map((queueId, position) => {
        const old = profile?.queues.find((m) => m.queueId === queueId);
        return { ...(old ?? { queueId, position, weight: 1 }), tier: v.tiers?.[queueId] ?? old?.tier ?? 1 };
      }),
      chatCapacity: v.chatCapacity,
      ...(v.sipAddress?.trim() ? { sipAddress: v.sipAddress.trim() } : {}),
      ...(v.workNumber?.trim() ? { workNumber: v.workNumber.trim() } : {}),
    });
  };
  const account = profile?.agentId.replace(/^user:/, '');
  const chosen = (Form.useWatch('queueIds', form) as string[] | undefined) ?? [];
  const queueName = (queueId: string) => queues.find((q) => q.queueId === queueId)?.name ?? queueId;
  return (
    <Modal
      open
      title={account ? t('admin.routing.editAgent', { account }) : t('admin.routing.newAgent')}
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
          account,
          queueIds: profile?.queues.map((m) => m.queueId) ?? [],
          tiers: Object.fromEntries(profile?.queues.map((m) => [m.queueId, m.tier]) ?? []),
          chatCapacity: profile?.chatCapacity ?? 3,
          sipAddress: profile?.sipAddress ?? '',
          workNumber: profile?.workNumber ?? '',
          levels: Object.fromEntries(LANGUAGES.map((l) => [l, profile?.skills[l] ?? null])),
          otherSkills: otherSkills(Object.entries(profile?.skills ?? {})),
        }}
      >
        <Form.Item name="account" label={t('admin.routing.account')} rules={[{ required: true }]}>
          <Input disabled={profile !== undefined} />
        </Form.Item>
        <Form.Item name="queueIds" label={t('admin.routing.queues')}>
          <Select mode="multiple" options={queues.map((q) => ({ value: q.queueId, label: q.name }))} />
        </Form.Item>
        {chosen.map((queueId) => (
          <Form.Item
            key={queueId}
            name={['tiers', queueId]}
            label={t('admin.routing.tierIn', { queue: queueName(queueId) })}
          >
            <InputNumber min={1} max={9} placeholder="1" />
          </Form.Item>
        ))}
        {LANGUAGES.map((language) => (
          <Form.Item
            key={language}
            name={['levels', language]}
            label={t('admin.routing.level', {
              language: skillName(language) ?? LANGUAGE_SKILLS[language][locale === 'en' ? 'en' : 'zh'],
            })}
          >
            <InputNumber min={0} max={10} />
          </Form.Item>
        ))}
        <OtherSkillsField kind="has" />
        <Form.Item name="chatCapacity" label={t('admin.routing.chatCapacity')}>
          <InputNumber min={0} max={20} />
        </Form.Item>
        <Form.Item
          name="sipAddress"
          label={t('admin.routing.phone')}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                !value?.trim() || AgentPhone.safeParse(value.trim()).success
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('admin.routing.phoneInvalid'))),
            },
          ]}
        >
          <Input placeholder="sip:8001@10.0.0.5:5060" />
        </Form.Item>
        <Form.Item
          name="workNumber"
          label={t('admin.routing.workNumber')}
          rules={[{ pattern: /^\s*[0-9]{1,8}\s*$/, message: t('admin.routing.workNumberInvalid') }]}
        >
          <Input inputMode="numeric" maxLength={8} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
