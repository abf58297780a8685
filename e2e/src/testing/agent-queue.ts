import { randomUUID } from 'node:crypto';
import { DefineQueue, SetRouterSettings, systemActor } from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';

const ORIGIN = { actor: systemActor('e2e'), districtId: 'city' };

/**
 * The router of the telephone suites: no delays, no priorities, and one queue `agents` (人工) whose
 * offers ring for `offerTimeoutSeconds`, offered top-down.
 */
export async function defineAgentQueue(bus: BusRequests, offerTimeoutSeconds: number): Promise<void> {
  await bus.command(
    SetRouterSettings,
    randomUUID(),
    {
      repeatCallerDays: 0,
      priorityCallers: [],
      maxMissedOffers: 5,
      declineDelaySeconds: 0,
      noAnswerDelaySeconds: 0,
      wrapUpDelaySeconds: 0,
      seed: 1,
    },
    ORIGIN,
  );
  await bus.command(
    DefineQueue,
    randomUUID(),
    {
      queueId: 'agents',
      name: '人工',
      requiredSkills: [],
      strategy: 'top-down',
      offerTimeoutSeconds,
      afterContactWorkSeconds: 0,
      tierRules: [],
      urgentPriority: 2,
      repeatCallerPriority: 0,
      serviceLevelSeconds: 15,
      shortAbandonSeconds: 0,
    },
    ORIGIN,
  );
}
