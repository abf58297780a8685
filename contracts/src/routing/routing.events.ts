import { z } from 'zod';
import { defineEvent } from '../messages/define';
import { personal } from '../messages/personal-data';
import { IsoDateTime } from '../workflow/case.values';
import {
  AgentId,
  AgentProfile,
  AgentState,
  Bulletin,
  BulletinId,
  Channel,
  ConsultOutcome,
  ContactParty,
  ContactId,
  NotReadyReason,
  OverflowReason,
  OverflowTarget,
  PhoneNumber,
  Priority,
  QueueConfig,
  QueueId,
  RouterSettings,
  ROUTER_CATEGORY,
  SkillRequirement,
  SupervisionMode,
  TransferTarget,
} from './routing.values';

/** Every routing event says when it happened, so statistics and the simulator need no envelope. */
const event = <T extends string, S extends z.ZodRawShape>(type: T, summary: string, shape: S) =>
  defineEvent({
    type,
    version: 1,
    category: ROUTER_CATEGORY,
    summary,
    schema: z.object({ ...shape, at: IsoDateTime }),
  });

const Waited = z.number().min(0);

export const QueueDefined = event('QueueDefined', 'A queue was created or changed.', { queue: QueueConfig });
export const AgentProfileSet = event('AgentProfileSet', "An agent's skills and queues were set.", {
  profile: AgentProfile,
});
export const RouterSettingsSet = event('RouterSettingsSet', "The router's settings were set.", {
  settings: RouterSettings,
});
export const AgentLoggedIn = event('AgentLoggedIn', 'The agent logged in, not ready.', { agentId: AgentId });
export const AgentLoggedOut = event('AgentLoggedOut', 'The agent logged out.', { agentId: AgentId });
export const AgentWentReady = event('AgentWentReady', 'The agent is ready for offers.', { agentId: AgentId });
export const AgentWentNotReady = event(
  'AgentWentNotReady',
  'The agent takes no new offers; `reason` is theirs, a supervisor\'s, or "missed-offers".',
  { agentId: AgentId, reason: NotReadyReason },
);
export const AgentStateChanged = event(
  'AgentStateChanged',
  "The agent's visible state changed (derived from the events before it, for wallboards and statistics).",
  { agentId: AgentId, from: AgentState, to: AgentState, reason: NotReadyReason.optional() },
);
export const ContactQueued = event('ContactQueued', 'A contact entered a queue.', {
  contactId: ContactId,
  queueId: QueueId,
  channel: Channel,
  priority: Priority,
  callerNumber: personal(PhoneNumber).optional(),
  requiredSkills: z.array(SkillRequirement),
  /** The queue it came from by overflow or transfer. */
  fromQueueId: QueueId.optional(),
});
export const ContactOffered = event(
  'ContactOffered',
  'The contact was offered to one agent (to several under ring-all); the offer expires at `expiresAt`.',
  {
    contactId: ContactId,
    queueId: QueueId,
    agentIds: z.array(AgentId).min(1),
    mode: z.enum(['inbound', 'callback']),
    expiresAt: IsoDateTime,
  },
);
export const OfferAccepted = event('OfferAccepted', 'An agent answered the contact.', {
  contactId: ContactId,
  queueId: QueueId,
  agentId: AgentId,
  waitedSeconds: Waited,
});
export const OfferDeclined = event('OfferDeclined', 'An agent declined the offer.', {
  contactId: ContactId,
  agentId: AgentId,
});
export const OfferExpired = event('OfferExpired', 'An agent let the offer ring out (a miss).', {
  contactId: ContactId,
  agentId: AgentId,
  missesInARow: z.number().int().min(1),
});
export const OfferWithdrawn = event(
  'OfferWithdrawn',
  'Offers taken back: another agent answered (ring-all) or the caller left.',
  { contactId: ContactId, agentIds: z.array(AgentId).min(1) },
);
export const QueuedContactAbandoned = event(
  'QueuedContactAbandoned',
  'The caller left before an agent answered.',
  { contactId: ContactId, queueId: QueueId, waitedSeconds: Waited },
);
export const CallbackRequested = event(
  'CallbackRequested',
  'The caller chose a callback; the contact keeps its place and is offered as an outbound call.',
  { contactId: ContactId, queueId: QueueId, callbackNumber: personal(PhoneNumber) },
);
export const ContactOverflowed = event(
  'ContactOverflowed',
  'The contact left its queue for the overflow target (a ContactQueued follows for a queue).',
  {
    contactId: ContactId,
    queueId: QueueId,
    reason: OverflowReason,
    target: OverflowTarget,
    waitedSeconds: Waited,
  },
);
export const ContactHeld = event('ContactHeld', 'The agent put the contact on hold.', {
  contactId: ContactId,
  agentId: AgentId,
});
export const ContactResumed = event('ContactResumed', 'The agent took the contact off hold.', {
  contactId: ContactId,
  agentId: AgentId,
});
export const ContactTransferred = event(
  'ContactTransferred',
  'The agent transferred the contact (a ContactQueued follows for a queue).',
  { contactId: ContactId, agentId: AgentId, queueId: QueueId, target: TransferTarget, talkSeconds: Waited },
);
export const ConsultationStarted = event(
  'ConsultationStarted',
  'The agent holds the caller and talks to the party (a consulted agent is busy until it ends).',
  { contactId: ContactId, agentId: AgentId, party: ContactParty },
);
export const ConsultationEnded = event(
  'ConsultationEnded',
  'The consultation ended: `return` to the caller (resumed), `conference` (a ConferencePartyJoined follows), `transfer` (a ContactTransferred follows) or `contact-ended` (the caller hung up).',
  {
    contactId: ContactId,
    agentId: AgentId,
    party: ContactParty,
    outcome: z.enum([...ConsultOutcome.options, 'contact-ended']),
  },
);
export const ConferencePartyJoined = event(
  'ConferencePartyJoined',
  'A party joined the caller and the agent (three-way): the telephony bridges the three.',
  { contactId: ContactId, agentId: AgentId, party: ContactParty },
);
export const ConferencePartyLeft = event(
  'ConferencePartyLeft',
  'A party left the three-way call (the contact ending ends every party; this is emitted for each).',
  { contactId: ContactId, agentId: AgentId, party: ContactParty },
);
export const SupervisionStarted = event(
  'SupervisionStarted',
  "A supervisor is on the agent's contact in `mode` (emitted again when the mode changes).",
  { contactId: ContactId, agentId: AgentId, supervisorId: AgentId, mode: SupervisionMode },
);
export const SupervisionEnded = event(
  'SupervisionEnded',
  "The supervisor left the agent's contact (or the contact ended or moved on).",
  { contactId: ContactId, agentId: AgentId, supervisorId: AgentId },
);
export const BulletinPosted = event('BulletinPosted', 'A bulletin was posted to the desks.', {
  bulletin: Bulletin,
});
export const BulletinWithdrawn = event('BulletinWithdrawn', 'The bulletin left the desks.', {
  bulletinId: BulletinId,
});
export const ContactEnded = event('ContactEnded', 'The contact with the agent ended.', {
  contactId: ContactId,
  agentId: AgentId,
  queueId: QueueId,
  channel: Channel,
  talkSeconds: Waited,
  holdSeconds: Waited,
});
export const AfterContactWorkEnded = event(
  'AfterContactWorkEnded',
  'After-contact work ended, by the agent or by itself.',
  { agentId: AgentId, automatic: z.boolean() },
);

export const routingEvents = [
  QueueDefined,
  AgentProfileSet,
  RouterSettingsSet,
  AgentLoggedIn,
  AgentLoggedOut,
  AgentWentReady,
  AgentWentNotReady,
  AgentStateChanged,
  ContactQueued,
  ContactOffered,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  OfferWithdrawn,
  QueuedContactAbandoned,
  CallbackRequested,
  ContactOverflowed,
  ContactHeld,
  ContactResumed,
  ContactTransferred,
  ConsultationStarted,
  ConsultationEnded,
  ConferencePartyJoined,
  ConferencePartyLeft,
  SupervisionStarted,
  SupervisionEnded,
  BulletinPosted,
  BulletinWithdrawn,
  ContactEnded,
  AfterContactWorkEnded,
] as const;
