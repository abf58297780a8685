import {
  systemActor,
  type AgentProfile,
  type QueueConfig,
  type RouterCommand,
  type RouterEvent,
} from '@hotline/contracts';
import type { DecideContext } from '@hotline/infra/command';

export const T0 = Date.parse('2026-12-07T01:00:00.000Z');
export const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();

export function queueConfig(overrides: Partial<QueueConfig> = {}): QueueConfig {
  return {
    queueId: 'general',
    name: '综合',
    requiredSkills: [],
    strategy: 'longest-idle',
    offerTimeoutSeconds: 20,
    afterContactWorkSeconds: 0,
    tierRules: [],
    urgentPriority: 2,
    repeatCallerPriority: 1,
    serviceLevelSeconds: 15,
    shortAbandonSeconds: 5,
    ...overrides,
  };
}

export function agentProfile(agentId: string, overrides: Partial<AgentProfile> = {}): AgentProfile {
  return {
    agentId,
    skills: { 'lang.cmn': 5 },
    queues: [{ queueId: 'general', tier: 1, position: 0, weight: 1 }],
    chatCapacity: 0,
    ...overrides,
  };
}

export const context = (seconds = 0): DecideContext => ({
  now: new Date(T0 + seconds * 1000),
  actor: systemActor('router-test'),
  districtId: 'city',
  commandId: `cmd-${seconds}`,
});

/** Events as given history: each with its own instant. */
export const ev = <T extends RouterEvent['type']>(
  type: T,
  data: Omit<Extract<RouterEvent, { type: T }>['data'], 'at'>,
  seconds = 0,
): RouterEvent => ({ type, data: { ...data, at: at(seconds) } }) as unknown as RouterEvent;

export const cmd = <T extends RouterCommand['type']>(
  type: T,
  data: Extract<RouterCommand, { type: T }>['data'],
): RouterCommand => ({ type, data }) as RouterCommand;

export const stateChange = (
  agentId: string,
  from: string,
  to: string,
  seconds = 0,
  reason?: string,
): RouterEvent =>
  ev(
    'AgentStateChanged',
    { agentId, from, to, ...(reason ? { reason } : {}) } as Omit<
      Extract<RouterEvent, { type: 'AgentStateChanged' }>['data'],
      'at'
    >,
    seconds,
  );

/** A queue and ready agents: the usual start of a scenario. */
export function readyAgents(
  agentIds: string[],
  queue: Partial<QueueConfig> = {},
  profile: Partial<AgentProfile> = {},
): RouterEvent[] {
  return [
    ev('QueueDefined', { queue: queueConfig(queue) }),
    ...agentIds.flatMap((agentId) => [
      ev('AgentProfileSet', { profile: agentProfile(agentId, profile) }),
      ev('AgentLoggedIn', { agentId }),
      ev('AgentWentReady', { agentId }),
    ]),
  ];
}
