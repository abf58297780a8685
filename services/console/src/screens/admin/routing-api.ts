import type {
  AgentProfile,
  OverflowTarget,
  QueueConfig,
  RouterSettings,
  RoutingStrategy,
} from '@hotline/contracts';
import { apiGet, apiPost, apiPut, newCommandId } from '../../api/http';
import type { SkillKind } from '../../components/skill-names';
import type { Translate } from '../../i18n';

export type { AgentProfile, OverflowTarget, QueueConfig, RouterSettings, RoutingStrategy };

export interface RoutingSettingsView {
  queues: QueueConfig[];
  agents: AgentProfile[];
  settings: RouterSettings;
}

export const STRATEGIES: readonly RoutingStrategy[] = [
  'longest-idle',
  'fewest-contacts',
  'least-talk-time',
  'round-robin',
  'ring-all',
  'top-down',
  'weighted-random',
];

/** The languages and dialects a seat can speak (skills `lang.*`). */
export const LANGUAGES = ['lang.cmn', 'lang.yue', 'lang.nan', 'lang.en'] as const;

const strip = <T extends { queueId?: string; agentId?: string }>(value: T, key: 'queueId' | 'agentId') => {
  const rest: Record<string, unknown> = { ...value };
  delete rest[key];
  return rest;
};

/** The router's settings as data: every change a command (an event in the router's stream). */
export const routingApi = {
  settings: () => apiGet<RoutingSettingsView>('/api/routing/settings'),
  defineQueue: (queue: QueueConfig) =>
    apiPut(`/api/routing/queues/${encodeURIComponent(queue.queueId)}`, {
      commandId: newCommandId(),
      ...strip(queue, 'queueId'),
    }),
  setProfile: (profile: AgentProfile) =>
    apiPut(`/api/routing/agents/${encodeURIComponent(profile.agentId)}/profile`, {
      commandId: newCommandId(),
      ...strip(profile, 'agentId'),
    }),
  setSettings: (settings: RouterSettings) =>
    apiPut('/api/routing/settings', { commandId: newCommandId(), ...settings }),
  /** Names a skill in the catalogue, on the catalogue's version the form read. */
  defineSkill: (
    skill: { skillId: string; name: string; nameEn: string; kind: SkillKind; expectedVersion: number },
    commandId: string,
  ) =>
    apiPut(`/api/routing/skills/${encodeURIComponent(skill.skillId)}`, {
      commandId,
      name: skill.name,
      nameEn: skill.nameEn,
      kind: skill.kind,
      expectedVersion: skill.expectedVersion,
    }),
  removeSkill: (skillId: string, expectedVersion: number) =>
    apiPost(`/api/routing/skills/${encodeURIComponent(skillId)}/remove`, {
      commandId: newCommandId(),
      expectedVersion,
    }),
};

/** A new queue with the national defaults (15 s service level, 5 s short abandon). */
export const newQueue = (queueId: string, name: string): QueueConfig => ({
  queueId,
  name,
  requiredSkills: [],
  strategy: 'longest-idle',
  offerTimeoutSeconds: 20,
  afterContactWorkSeconds: 30,
  tierRules: [],
  urgentPriority: 2,
  repeatCallerPriority: 1,
  serviceLevelSeconds: 15,
  shortAbandonSeconds: 5,
});

/** Where a queue overflows, in words: "等待 120 秒后转 回拨", or only the target without a max wait. */
export function overflowText(
  queue: QueueConfig,
  queueName: (queueId: string) => string,
  t: Translate,
): string {
  const target = queue.overflow;
  if (target === undefined) return '—';
  const where =
    target.kind === 'queue'
      ? queueName(target.queueId)
      : target.kind === 'mailbox'
        ? t('admin.routing.toMailbox', { mailbox: target.mailboxId })
        : target.kind === 'number'
          ? t('admin.routing.toNumber', { number: target.number })
          : t('admin.routing.overflowKind.callback');
  return queue.maxWaitSeconds === undefined
    ? where
    : t('admin.routing.overflowAfter', { queue: where, seconds: String(queue.maxWaitSeconds) });
}
