import type {
  AgentProfile,
  AgentState,
  Bulletin,
  Channel,
  ContactParty,
  QueueConfig,
  QueueMembership,
  RouterSettings,
  SkillRequirement,
  SupervisionMode,
} from '@hotline/contracts';

/** A contact the agent holds (one call, or up to the chat capacity of chats). */
export interface HeldContact {
  readonly contactId: string;
  readonly channel: Channel;
  readonly held: boolean;
}

/** One agent as the router sees it. Records are replaced, never changed in place. */
export interface AgentRecord {
  readonly agentId: string;
  readonly profile: AgentProfile;
  readonly loggedIn: boolean;
  readonly ready: boolean;
  readonly notReadyReason?: string;
  /** The contact offered to the agent: never more than one at a time. */
  readonly offer?: string;
  readonly contacts: readonly HeldContact[];
  /** The contact of another agent this agent is a party to (consulted, or in a three-way call). */
  readonly engagedIn?: string;
  /** After-contact work ends by itself at this instant (ms). */
  readonly acwUntil?: number;
  /** No offer before this instant (wrap-up, decline and no-answer delays). */
  readonly restUntil: number;
  /** When the agent last became free, for the longest-idle strategy. */
  readonly idleSince: number;
  readonly missesInARow: number;
  /** Since login: contacts answered and talk time, for fewest-contacts and least-talk-time. */
  readonly answered: number;
  readonly talkMs: number;
  readonly state: AgentState;
  readonly stateSince: number;
}

export type ContactStatus = 'waiting' | 'offered' | 'connected';

export interface ContactRecord {
  readonly contactId: string;
  readonly queueId: string;
  readonly channel: Channel;
  readonly priority: number;
  readonly requiredSkills: readonly SkillRequirement[];
  /** When it entered this queue (ms): its place and its wait. */
  readonly queuedAt: number;
  /** Which entry into a queue this is (a transfer back to the same queue is a new entry). */
  readonly entry: number;
  readonly status: ContactStatus;
  /** For the agent's screen pop (personal data: only the agent offered or holding it sees it). */
  readonly callerNumber?: string;
  readonly callbackNumber?: string;
  readonly offeredTo: readonly string[];
  readonly offerExpiresAt?: number;
  /** Agents who declined or missed it in this queue: not offered it again. */
  readonly excluded: readonly string[];
  readonly agentId?: string;
  readonly answeredAt?: number;
  readonly heldSince?: number;
  readonly holdMs: number;
  /** The party the agent is consulting (the caller on hold), and the parties in a three-way call. */
  readonly consulting?: ContactParty;
  readonly parties?: readonly ContactParty[];
  readonly supervisor?: { readonly supervisorId: string; readonly mode: SupervisionMode };
}

/** A bulletin on the desks; `until` (ms) from its expiresAt. */
export interface BulletinRecord {
  readonly bulletin: Bulletin;
  readonly postedAt: number;
  readonly until?: number;
}

export interface QueueRecord {
  readonly config: QueueConfig;
  /** The agent last offered a contact of this queue, for round robin. */
  readonly lastOffered?: string;
  /** Contacts in the queue (waiting, offered or awaiting a callback). */
  readonly waiting: number;
  readonly loggedIn: number;
}

export const DEFAULT_ROUTER_SETTINGS: RouterSettings = {
  repeatCallerDays: 3,
  priorityCallers: [],
  maxMissedOffers: 2,
  declineDelaySeconds: 5,
  noAnswerDelaySeconds: 10,
  wrapUpDelaySeconds: 0,
  seed: 12345,
};

/** The visible state follows from the record; AgentStateChanged is emitted when it changes. */
export function agentStateOf(agent: Omit<AgentRecord, 'state' | 'stateSince'>): AgentState {
  if (!agent.loggedIn) return 'logged-out';
  if (agent.offer !== undefined) return 'reserved';
  if (agent.engagedIn !== undefined) return 'on-contact';
  if (agent.contacts.length > 0) return agent.contacts.every((c) => c.held) ? 'held' : 'on-contact';
  if (agent.acwUntil !== undefined) return 'after-contact-work';
  return agent.ready ? 'ready' : 'not-ready';
}

/** Whether the agent takes new offers at all (the per-contact checks come on top). */
export function isOpenForOffers(agent: AgentRecord): boolean {
  if (
    !agent.loggedIn ||
    !agent.ready ||
    agent.offer !== undefined ||
    agent.acwUntil !== undefined ||
    agent.engagedIn !== undefined
  )
    return false;
  if (agent.contacts.length === 0) return true;
  return (
    agent.contacts.every((held) => held.channel === 'chat') &&
    agent.contacts.length < agent.profile.chatCapacity
  );
}

export function membershipOf(agent: AgentRecord, queueId: string): QueueMembership | undefined {
  return agent.profile.queues.find((membership) => membership.queueId === queueId);
}

/** The tier an agent needs to be at most for a contact that has waited `waitedMs`. */
export function allowedTier(queue: QueueConfig, waitedMs: number): number {
  let tier = 1;
  for (const rule of queue.tierRules) {
    if (waitedMs >= rule.afterSeconds * 1000 && rule.tier > tier) tier = rule.tier;
  }
  return tier;
}

export const sameParty = (a: ContactParty, b: ContactParty): boolean =>
  a.kind === 'agent'
    ? b.kind === 'agent' && a.agentId === b.agentId
    : b.kind === 'number' && a.number === b.number;

export const hasSkills = (agent: AgentRecord, required: readonly SkillRequirement[]): boolean =>
  required.every((need) => (agent.profile.skills[need.skillId] ?? 0) >= need.minLevel);

export const holdMs = (contact: ContactRecord, now: number): number =>
  contact.holdMs + (contact.heldSince === undefined ? 0 : now - contact.heldSince);

/** Time with the agent, hold excluded. */
export const talkSeconds = (contact: ContactRecord, now: number): number =>
  Math.max(0, (now - (contact.answeredAt ?? now) - holdMs(contact, now)) / 1000);
