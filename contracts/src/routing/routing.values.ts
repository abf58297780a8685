import { z } from 'zod';
import { ClientId } from '../kernel/ids';
import { CaseNumber } from '../kernel/case-number';
import { freeText, personal } from '../messages/personal-data';
import { IsoDateTime } from '../workflow/case.values';

/** A contact in queue is intake's contact (a call, a chat): the same id on both sides. */
export { ContactId } from '../intake/intake.values';

/** The service that owns queues, agent sessions and contacts in queue: the NATS subject token. */
export const ROUTING_SERVICE = 'routing';
/** One router stream per district holds its queues, agents and waiting contacts. */
export const ROUTER_CATEGORY = 'router';

export const QueueId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lowercase slug of at most 40 characters');
export type QueueId = z.infer<typeof QueueId>;
export const AgentId = ClientId;
export type AgentId = z.infer<typeof AgentId>;
export const SkillId = z
  .string()
  .regex(/^[a-z][a-z0-9.-]{0,39}$/, 'must be a lowercase skill name such as lang.yue');
export type SkillId = z.infer<typeof SkillId>;

/** Languages and dialects are skills like any other; these are the ones a 12345 center staffs. */
export const LANGUAGE_SKILLS = {
  'lang.cmn': { zh: '普通话', en: 'Mandarin' },
  'lang.yue': { zh: '粤语', en: 'Cantonese' },
  'lang.nan': { zh: '闽南话', en: 'Hokkien (Minnan)' },
  'lang.en': { zh: '英语', en: 'English' },
} as const;

export const SkillLevel = z.number().int().min(1).max(10);
export const SkillRequirement = z.object({ skillId: SkillId, minLevel: SkillLevel });
export type SkillRequirement = z.infer<typeof SkillRequirement>;

export const Channel = z.enum(['voice', 'chat']);
export type Channel = z.infer<typeof Channel>;

export const RoutingStrategy = z.enum([
  'longest-idle',
  'fewest-contacts',
  'least-talk-time',
  'round-robin',
  'ring-all',
  'top-down',
  'weighted-random',
]);
export type RoutingStrategy = z.infer<typeof RoutingStrategy>;

export const PhoneNumber = z.string().regex(/^\+?[0-9]{3,20}$/, 'must be 3-20 digits');
export const Seconds = z.number().min(0).max(86_400);
export const Tier = z.number().int().min(1).max(9);
export const Priority = z.number().int().min(0).max(9);

/** Where a contact goes when it waited too long, found no agent logged in, or found the queue full. */
export const OverflowTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), queueId: QueueId }),
  z.object({ kind: z.literal('callback') }),
  z.object({ kind: z.literal('mailbox'), mailboxId: z.string().min(1).max(40) }),
  z.object({ kind: z.literal('number'), number: personal(PhoneNumber) }),
]);
export type OverflowTarget = z.infer<typeof OverflowTarget>;

export const QueueConfig = z.object({
  queueId: QueueId,
  name: z.string().min(1).max(60),
  requiredSkills: z.array(SkillRequirement).max(10),
  strategy: RoutingStrategy,
  /** An offer not accepted within this time goes to the next agent and counts as a miss. */
  offerTimeoutSeconds: Seconds.min(1),
  /** After-contact work (话后处理) that ends by itself after this time; 0 for none. */
  afterContactWorkSeconds: Seconds,
  /** Agents of tier > 1 become eligible once a contact waited `afterSeconds` (the pool widens). */
  tierRules: z.array(z.object({ tier: Tier, afterSeconds: Seconds })).max(9),
  maxWaitSeconds: Seconds.optional(),
  /** With no member logged in, a contact overflows after this wait; 0 refuses to join. */
  noAgentMaxWaitSeconds: Seconds.optional(),
  maxLength: z.number().int().min(1).max(1_000_000).optional(),
  overflow: OverflowTarget.optional(),
  /** Priority added for an urgent matter and for a caller who called within the repeat window. */
  urgentPriority: Priority,
  repeatCallerPriority: Priority,
  /** The service-level threshold (15 s nationally) and the short-abandon threshold for statistics. */
  serviceLevelSeconds: Seconds,
  shortAbandonSeconds: Seconds,
  /** The wallboard raises an alarm on the queue once its longest wait passes this; absent: none. */
  alarmWaitSeconds: Seconds.min(1).optional(),
});
export type QueueConfig = z.infer<typeof QueueConfig>;

export const QueueMembership = z.object({
  queueId: QueueId,
  tier: Tier,
  /** Order within the tier for the top-down strategy. */
  position: z.number().int().min(0).max(100_000),
  /** Relative chance for the weighted-random strategy. */
  weight: z.number().min(0).max(1000),
});
export type QueueMembership = z.infer<typeof QueueMembership>;

/** A phone the sipapp rings: `sip:` or `sips:`, a user part and a host with an optional port. */
export const AgentPhone = z
  .string()
  .max(200)
  .regex(
    /^sips?:[A-Za-z0-9._~+-]{1,64}@[A-Za-z0-9.-]{1,120}(:[0-9]{1,5})?$/,
    'must be a SIP URI such as sip:8001@10.0.0.5:5060',
  );

export const AgentProfile = z.object({
  agentId: AgentId,
  skills: z.record(SkillId, SkillLevel),
  queues: z.array(QueueMembership).max(50),
  /** How many chats the agent holds at once. */
  chatCapacity: z.number().int().min(0).max(20),
  /**
   * The agent's phone (a SIP endpoint): the sipapp rings it when a call is offered to the agent.
   * Absent: the agent's calls are not rung anywhere (the offer rings out on the desk only). Not
   * named `phone`: the gateway masks every `phone` key as a citizen's number.
   */
  sipAddress: AgentPhone.optional(),
  /** The agent's number (工号) the caller hears before being connected. */
  workNumber: z
    .string()
    .regex(/^[0-9]{1,8}$/, 'must be 1-8 digits')
    .optional(),
});
export type AgentProfile = z.infer<typeof AgentProfile>;

export const NotReadyReason = z.string().min(1).max(40);
/** The reasons the desk offers when the city has not set its own (codes the console words). */
export const DEFAULT_NOT_READY_REASONS = ['break', 'meal', 'training', 'meeting', 'paperwork'] as const;

export const RouterSettings = z.object({
  /** A caller seen within this many days is a repeat caller. */
  repeatCallerDays: z.number().int().min(0).max(90),
  /** Configured callers with a priority of their own (e.g. a disabled citizens' list). */
  priorityCallers: z.array(z.object({ number: personal(PhoneNumber), priority: Priority })).max(10_000),
  /** After this many missed offers in a row the agent is made not ready. */
  maxMissedOffers: z.number().int().min(1).max(100),
  /** After declining or missing an offer the agent gets no offer for this long. */
  declineDelaySeconds: Seconds,
  noAnswerDelaySeconds: Seconds,
  /** After each contact (and its after-contact work) the agent rests this long before the next offer. */
  wrapUpDelaySeconds: Seconds,
  /**
   * The reasons an agent picks from when going not ready (the desk's codes, or the city's own words);
   * absent: `DEFAULT_NOT_READY_REASONS`. A supervisor forcing not ready may still type any reason.
   */
  notReadyReasons: z.array(NotReadyReason).min(1).max(20).optional(),
  /** Seeds the weighted-random strategy so that a replay makes the same choices. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
});
export type RouterSettings = z.infer<typeof RouterSettings>;

/** What a supervisor and the desk see of an agent; every change is an AgentStateChanged event. */
export const AgentState = z.enum([
  'logged-out',
  'ready',
  'not-ready',
  'reserved',
  'on-contact',
  'held',
  'after-contact-work',
]);
export type AgentState = z.infer<typeof AgentState>;

export const OverflowReason = z.enum(['max-wait', 'no-agent', 'queue-full']);
/**
 * The case that goes with a call transferred to an outside number (a handling unit's duty phone):
 * the telephony sends it in the INVITE (X-Case-Number, User-to-User), so the unit knows the matter
 * before it answers.
 */
export const TransferCaseData = z.object({
  caseNumber: CaseNumber,
  /** One line the unit reads on its phone or screen; at most 200 characters. */
  summary: freeText(z.string().trim().min(1).max(200)).optional(),
});
export type TransferCaseData = z.infer<typeof TransferCaseData>;

/**
 * Where an agent transfers a contact: a queue (at its back), one ready agent, or an outside number
 * (with the unit it belongs to, `label` and `unitId`, and the case that goes with the call).
 */
export const TransferTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('queue'), queueId: QueueId }),
  z.object({ kind: z.literal('agent'), agentId: AgentId }),
  z.object({
    kind: z.literal('number'),
    number: personal(PhoneNumber),
    label: z.string().trim().min(1).max(60).optional(),
    unitId: ClientId.optional(),
    case: TransferCaseData.optional(),
  }),
]);
export type TransferTarget = z.infer<typeof TransferTarget>;

/**
 * A party the agent brings into a contact besides the caller: another agent, or an outside number
 * such as a handling unit's (three-way with a department). `label` is what the desk shows.
 */
export const ContactParty = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('agent'), agentId: AgentId }),
  z.object({
    kind: z.literal('number'),
    number: personal(PhoneNumber),
    label: z.string().min(1).max(60).optional(),
    /** The handling unit whose number it is (its duty phone in the unit catalogue). */
    unitId: ClientId.optional(),
    /** The case the agent consults the unit about: it goes with the call, and with a transfer after. */
    case: TransferCaseData.optional(),
  }),
]);
export type ContactParty = z.infer<typeof ContactParty>;

/** How a consultation ends: back to the caller alone, all three together, or the party takes the caller. */
export const ConsultOutcome = z.enum(['return', 'conference', 'transfer']);
export type ConsultOutcome = z.infer<typeof ConsultOutcome>;

/**
 * A supervisor on an agent's contact: `monitor` hears both sides and is heard by nobody, `whisper`
 * is heard by the agent only, `barge` by both (a three-way call).
 */
export const SupervisionMode = z.enum(['monitor', 'whisper', 'barge']);
export type SupervisionMode = z.infer<typeof SupervisionMode>;

export const BulletinId = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 characters of A-Z a-z 0-9 _ . : -');
/** A supervisor's broadcast to the agents' desks (e.g. an outage in a district: what to tell callers). */
export const Bulletin = z.object({
  bulletinId: BulletinId,
  text: z.string().trim().min(1).max(500),
  severity: z.enum(['info', 'urgent']),
  /** The desks stop showing it then; without it, until withdrawn. */
  expiresAt: IsoDateTime.optional(),
});
export type Bulletin = z.infer<typeof Bulletin>;
