import type { OverflowTarget, QueueConfig } from '@hotline/contracts';
import type { Decision } from './decision';
import type { ContactRecord } from './router-records';
import type { RouterState } from './router-state';

/** Expired offers (a miss; after K in a row the agent goes not ready) and ended after-contact work. */
export function runTimers(decision: Decision): void {
  const { state, now } = decision;
  // Sets iterate in insertion order, which differs between instances: sort for the same decision everywhere.
  const expired = [...state.offeredContacts]
    .map((contactId) => state.contacts.get(contactId)!)
    .filter((contact) => contact.offerExpiresAt !== undefined && contact.offerExpiresAt <= now)
    .sort((a, b) => a.offerExpiresAt! - b.offerExpiresAt! || (a.contactId < b.contactId ? -1 : 1));
  for (const contact of expired) {
    const contactId = contact.contactId;
    for (const agentId of contact.offeredTo) {
      const agent = state.agents.get(agentId);
      const missesInARow = (agent?.missesInARow ?? 0) + 1;
      decision.emit('OfferExpired', { contactId, agentId, missesInARow });
      if (agent && agent.ready && missesInARow >= state.settings.maxMissedOffers) {
        decision.emit('AgentWentNotReady', { agentId, reason: 'missed-offers' });
      }
    }
  }
  const acwEnded = [...state.agentsInAcw]
    .map((agentId) => state.agents.get(agentId)!)
    .filter((agent) => agent.acwUntil! <= now)
    .sort((a, b) => a.acwUntil! - b.acwUntil! || (a.agentId < b.agentId ? -1 : 1));
  for (const agent of acwEnded)
    decision.emit('AfterContactWorkEnded', { agentId: agent.agentId, automatic: true });
  for (const queue of [...state.queues.values()]) {
    if (queue.waiting === 0 || queue.config.overflow === undefined) continue;
    const { noAgentMaxWaitSeconds, maxWaitSeconds } = queue.config;
    if (noAgentMaxWaitSeconds !== undefined && queue.loggedIn === 0) {
      overflowWaitedLongerThan(decision, queue.config, noAgentMaxWaitSeconds, 'no-agent');
    }
    if (maxWaitSeconds !== undefined)
      overflowWaitedLongerThan(decision, queue.config, maxWaitSeconds, 'max-wait');
  }
}

function overflowWaitedLongerThan(
  decision: Decision,
  queue: QueueConfig,
  seconds: number,
  reason: 'no-agent' | 'max-wait',
): void {
  const { state, now } = decision;
  const due: ContactRecord[] = [];
  for (const fifo of state.fifosByPriority(queue.queueId)) {
    for (const contact of state.queuedIn(fifo)) {
      if (now - contact.queuedAt < seconds * 1000) break; // the rest of this fifo waited less
      // A contact being offered waits for the answer; a promised callback is not moved.
      if (contact.status === 'waiting' && contact.callbackNumber === undefined) due.push(contact);
    }
  }
  for (const contact of due) overflow(decision, contact, reason, queue.overflow!);
}

/** The contact leaves its queue for the target; into a queue it enters at the back. */
export function overflow(
  decision: Decision,
  contact: ContactRecord,
  reason: 'no-agent' | 'max-wait' | 'queue-full',
  target: OverflowTarget,
): void {
  decision.emit('ContactOverflowed', {
    contactId: contact.contactId,
    queueId: contact.queueId,
    reason,
    target,
    waitedSeconds: decision.waitedSeconds(contact.queuedAt),
  });
  if (target.kind === 'queue') requeue(decision, contact, target.queueId);
}

export function requeue(decision: Decision, contact: ContactRecord, queueId: string): void {
  decision.emit('ContactQueued', {
    contactId: contact.contactId,
    queueId,
    channel: contact.channel,
    priority: contact.priority,
    requiredSkills: [...contact.requiredSkills],
    ...(contact.callerNumber !== undefined ? { callerNumber: contact.callerNumber } : {}),
    fromQueueId: contact.queueId,
  });
}

/** The next instant after `now` at which a timer or a widening tier may change something. */
export function nextDueAt(state: RouterState, now: number): number | undefined {
  let next = Infinity;
  const consider = (at: number | undefined): void => {
    if (at !== undefined && at > now && at < next) next = at;
  };
  for (const contactId of state.offeredContacts) consider(state.contacts.get(contactId)?.offerExpiresAt);
  for (const agentId of state.agentsInAcw) consider(state.agents.get(agentId)?.acwUntil);
  for (const queue of state.queues.values()) {
    if (queue.waiting === 0) continue;
    for (const agentId of state.openAgents.get(queue.config.queueId) ?? []) {
      consider(state.agents.get(agentId)?.restUntil);
    }
    const { maxWaitSeconds, noAgentMaxWaitSeconds, tierRules } = queue.config;
    const waits = [maxWaitSeconds, noAgentMaxWaitSeconds, ...tierRules.map((rule) => rule.afterSeconds)];
    for (const fifo of state.fifosByPriority(queue.config.queueId)) {
      for (const wait of waits) {
        if (wait === undefined) continue;
        for (const contact of state.queuedIn(fifo)) {
          const at = contact.queuedAt + wait * 1000;
          if (at > now) {
            consider(at);
            break;
          }
        }
      }
    }
  }
  return next === Infinity ? undefined : next;
}
