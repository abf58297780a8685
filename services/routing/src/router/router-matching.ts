import type { QueueConfig } from '@hotline/contracts';
import type { Decision } from './decision';
import {
  allowedTier,
  hasSkills,
  isOpenForOffers,
  membershipOf,
  type AgentRecord,
  type ContactRecord,
} from './router-records';
import { chooseAgents } from './router-strategies';

interface Cursor {
  queue: QueueConfig;
  priority: number;
  contacts: Iterator<ContactRecord>;
  current: ContactRecord | undefined;
  /** Contacts that waited less than this cannot reach any candidate's tier: the cursor stops. */
  minWaitMs: number;
  candidates: readonly string[];
}

/** Whether the agent may be offered this contact now (besides the strategy's preference). */
export function isEligible(
  agent: AgentRecord,
  queue: QueueConfig,
  contact: ContactRecord,
  now: number,
): boolean {
  if (!isOpenForOffers(agent) || agent.restUntil > now) return false;
  if (
    contact.channel === 'voice'
      ? agent.contacts.length > 0
      : agent.profile.chatCapacity <= agent.contacts.length
  )
    return false;
  if (contact.excluded.includes(agent.agentId)) return false;
  const membership = membershipOf(agent, queue.queueId);
  if (!membership || membership.tier > allowedTier(queue, now - contact.queuedAt)) return false;
  return hasSkills(agent, queue.requiredSkills) && hasSkills(agent, contact.requiredSkills);
}

/** The wait a contact needs before agents of `tier` may take it. */
const waitForTier = (queue: QueueConfig, tier: number): number =>
  tier <= 1
    ? 0
    : Math.min(
        ...queue.tierRules.filter((rule) => rule.tier >= tier).map((rule) => rule.afterSeconds * 1000),
      );

const before = (a: ContactRecord, b: ContactRecord): boolean =>
  a.priority !== b.priority
    ? a.priority > b.priority
    : a.queuedAt !== b.queuedAt
      ? a.queuedAt < b.queuedAt
      : a.entry < b.entry;

/**
 * Offers waiting contacts to eligible agents until no waiting contact has one. Contacts are taken
 * across queues in service order (priority, then the longest wait); each queue's strategy picks
 * among the agents eligible for the contact.
 */
export function settle(decision: Decision): void {
  const { state, now } = decision;
  const cursors: Cursor[] = [];
  for (const queue of state.queues.values()) {
    if (queue.waiting === 0) continue;
    // The queue's own requirements do not depend on the contact: agents without them never qualify.
    const candidates = [...(state.openAgents.get(queue.config.queueId) ?? [])].filter((id) => {
      const agent = state.agents.get(id);
      return agent !== undefined && agent.restUntil <= now && hasSkills(agent, queue.config.requiredSkills);
    });
    if (candidates.length === 0) continue;
    const minTier = Math.min(
      ...candidates.map((id) => membershipOf(state.agents.get(id)!, queue.config.queueId)?.tier ?? 9),
    );
    const minWaitMs = waitForTier(queue.config, minTier);
    for (const fifo of state.fifosByPriority(queue.config.queueId)) {
      const contacts = state.queuedIn(fifo);
      const first = contacts.next();
      if (first.done) continue;
      cursors.push({
        queue: queue.config,
        priority: first.value.priority,
        contacts,
        current: first.value,
        minWaitMs,
        candidates,
      });
    }
  }
  for (;;) {
    let best: Cursor | undefined;
    for (const cursor of cursors) {
      if (cursor.current && (!best || before(cursor.current, best.current!))) best = cursor;
    }
    if (!best) return;
    const contact = state.contacts.get(best.current!.contactId);
    const next = best.contacts.next();
    best.current = next.done ? undefined : next.value;
    if (!contact || contact.status !== 'waiting') continue;
    if (now - contact.queuedAt < best.minWaitMs) {
      best.current = undefined;
      continue;
    }
    const eligible: AgentRecord[] = [];
    for (const id of best.candidates) {
      const agent = state.agents.get(id);
      if (agent && isEligible(agent, best.queue, contact, now)) eligible.push(agent);
    }
    if (eligible.length === 0) {
      if (!best.candidates.some((id) => isOpenForOffers(state.agents.get(id)!))) {
        for (const cursor of cursors) if (cursor.queue === best.queue) cursor.current = undefined;
      }
      continue;
    }
    const queueRecord = state.queues.get(best.queue.queueId)!;
    const chosen = chooseAgents({
      queue: best.queue,
      contact,
      eligible,
      lastOffered:
        queueRecord.lastOffered === undefined ? undefined : state.agents.get(queueRecord.lastOffered),
      seed: state.settings.seed,
    });
    decision.emit('ContactOffered', {
      contactId: contact.contactId,
      queueId: contact.queueId,
      agentIds: chosen.map((agent) => agent.agentId),
      mode: contact.callbackNumber === undefined ? 'inbound' : 'callback',
      expiresAt: new Date(now + best.queue.offerTimeoutSeconds * 1000).toISOString(),
    });
  }
}
