import type { QueueConfig } from '@hotline/contracts';
import { membershipOf, type AgentRecord, type ContactRecord } from './router-records';

/** Everything a strategy may look at to choose among the agents eligible for one contact. */
export interface StrategyInput {
  queue: QueueConfig;
  contact: ContactRecord;
  /** Eligible agents, in no particular order (strategies break ties by agent id). */
  eligible: readonly AgentRecord[];
  /** The agent this queue last offered a contact to, for round robin. */
  lastOffered: AgentRecord | undefined;
  seed: number;
}

const byId = (a: AgentRecord, b: AgentRecord): number =>
  a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0;

/** The first agent by the keys in order, ties broken by agent id. */
function minimumBy(
  agents: readonly AgentRecord[],
  ...keys: Array<(agent: AgentRecord) => number>
): AgentRecord {
  const compare = (a: AgentRecord, b: AgentRecord): number => {
    for (const key of keys) {
      const d = key(a) - key(b);
      if (d !== 0) return d;
    }
    return byId(a, b);
  };
  let best = agents[0]!;
  for (let i = 1; i < agents.length; i++) if (compare(agents[i]!, best) < 0) best = agents[i]!;
  return best;
}

const placeOf = (agent: AgentRecord, queueId: string): [number, number] => {
  const membership = membershipOf(agent, queueId);
  return [membership?.tier ?? 9, membership?.position ?? 0];
};

/** FNV-1a, then mulberry32: a number in [0, 1) that depends only on its inputs. */
export function seededUnit(seed: number, key: string): number {
  let hash = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  let t = (hash + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The agents the contact is offered to: one, or every eligible agent for ring-all. */
export function chooseAgents(input: StrategyInput): AgentRecord[] {
  const { queue, eligible, contact } = input;
  if (eligible.length === 0) return [];
  switch (queue.strategy) {
    case 'longest-idle':
      return [minimumBy(eligible, (a) => a.idleSince)];
    case 'fewest-contacts':
      return [
        minimumBy(
          eligible,
          (a) => a.answered,
          (a) => a.idleSince,
        ),
      ];
    case 'least-talk-time':
      return [
        minimumBy(
          eligible,
          (a) => a.talkMs,
          (a) => a.idleSince,
        ),
      ];
    case 'ring-all':
      return [...eligible].sort(byId);
    case 'top-down':
      return [
        minimumBy(
          eligible,
          (a) => placeOf(a, queue.queueId)[0],
          (a) => placeOf(a, queue.queueId)[1],
        ),
      ];
    case 'round-robin': {
      // The member order is by position then id; the next one after the last offered, wrapping.
      const position = (a: AgentRecord): number => placeOf(a, queue.queueId)[1];
      const order = [...eligible].sort((a, b) => position(a) - position(b) || byId(a, b));
      const last = input.lastOffered;
      if (last === undefined) return [order[0]!];
      const after = order.find(
        (a) => position(a) > position(last) || (position(a) === position(last) && a.agentId > last.agentId),
      );
      return [after ?? order[0]!];
    }
    case 'weighted-random': {
      const ordered = [...eligible].sort(byId);
      const weights = ordered.map((a) => membershipOf(a, queue.queueId)?.weight ?? 1);
      const total = weights.reduce((sum, w) => sum + w, 0);
      if (total <= 0) return [ordered[0]!];
      let pick = seededUnit(input.seed, `${contact.contactId}:${contact.excluded.length}`) * total;
      for (let i = 0; i < ordered.length; i++) {
        pick -= weights[i]!;
        if (pick < 0) return [ordered[i]!];
      }
      return [ordered[ordered.length - 1]!];
    }
    default: {
      const unknown: never = queue.strategy;
      throw new Error(`unknown strategy ${String(unknown)}`);
    }
  }
}
