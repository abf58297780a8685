import { z } from 'zod';
import { defineCommand } from '../messages/define';
import { personal } from '../messages/personal-data';
import {
  AgentId,
  AgentProfile,
  Bulletin,
  BulletinId,
  Channel,
  ConsultOutcome,
  ContactParty,
  ContactId,
  NotReadyReason,
  PhoneNumber,
  QueueConfig,
  QueueId,
  RouterSettings,
  ROUTING_SERVICE,
  SkillRequirement,
  SupervisionMode,
  TransferTarget,
} from './routing.values';

const command = <T extends string, S extends z.ZodType>(type: T, summary: string, schema: S) =>
  defineCommand({ type, service: ROUTING_SERVICE, summary, schema });

const Agent = z.object({ agentId: AgentId });
const AgentContact = z.object({ agentId: AgentId, contactId: ContactId });
/** Consulting, adding and removing a party all name the agent, their contact and the other party. */
const AgentContactParty = AgentContact.extend({ party: ContactParty });
const SupervisorContact = z.object({ supervisorId: AgentId, contactId: ContactId });

export const DefineQueue = command('DefineQueue', 'Create or change a queue (skill group).', QueueConfig);
export const SetAgentProfile = command(
  'SetAgentProfile',
  "Set an agent's skills with levels, queue memberships with tiers, and chat capacity.",
  AgentProfile,
);
export const SetRouterSettings = command(
  'SetRouterSettings',
  "Set the router's caller priorities, missed-offer limit and delays.",
  RouterSettings,
);
export const LogInAgent = command('LogInAgent', 'The agent logs in (not ready until they say so).', Agent);
export const LogOutAgent = command(
  'LogOutAgent',
  'The agent logs out (or a supervisor logs them out); allowed only without a contact.',
  Agent,
);
export const MakeAgentReady = command('MakeAgentReady', 'The agent is ready for contacts.', Agent);
export const MakeAgentNotReady = command(
  'MakeAgentNotReady',
  'The agent (or a supervisor) stops new offers, with a reason.',
  z.object({ agentId: AgentId, reason: NotReadyReason }),
);
export const QueueContact = command(
  'QueueContact',
  'A call from the IVR or a web chat waits in a queue for an agent.',
  z.object({
    contactId: ContactId,
    queueId: QueueId,
    channel: Channel,
    callerNumber: personal(PhoneNumber).optional(),
    urgent: z.boolean(),
    /** Skills this contact needs beyond the queue's, e.g. the dialect the caller chose. */
    requiredSkills: z.array(SkillRequirement).max(5),
  }),
);
export const AbandonQueuedContact = command(
  'AbandonQueuedContact',
  'The caller hung up (or closed the chat) before an agent answered.',
  z.object({ contactId: ContactId }),
);
export const RequestCallback = command(
  'RequestCallback',
  'The caller chose a callback instead of waiting; the contact keeps its place in the queue.',
  z.object({ contactId: ContactId, callbackNumber: personal(PhoneNumber) }),
);
export const AcceptOffer = command(
  'AcceptOffer',
  'The agent answers the contact offered to them.',
  AgentContact,
);
export const DeclineOffer = command(
  'DeclineOffer',
  'The agent declines the offer; the next agent gets it.',
  AgentContact,
);
export const HoldContact = command('HoldContact', 'The agent puts the contact on hold.', AgentContact);
export const ResumeContact = command('ResumeContact', 'The agent takes the contact off hold.', AgentContact);
export const TransferContact = command(
  'TransferContact',
  'The agent transfers the contact to a queue (at its back), a ready agent (offered to them) or an outside number.',
  AgentContact.extend({ target: TransferTarget }),
);
export const ConsultParty = command(
  'ConsultParty',
  'The agent puts the caller on hold and talks to another agent or an outside number (consultation).',
  AgentContactParty,
);
export const EndConsultation = command(
  'EndConsultation',
  'The agent ends the consultation: back to the caller, a three-way call, or the party takes the caller.',
  AgentContact.extend({ outcome: ConsultOutcome }),
);
export const AddConferenceParty = command(
  'AddConferenceParty',
  "The agent adds a party to the caller's contact at once (three-way with a unit's number or an agent).",
  AgentContactParty,
);
export const RemoveConferenceParty = command(
  'RemoveConferenceParty',
  'A party leaves the three-way call (the agent drops them, or they hung up).',
  AgentContactParty,
);
export const SuperviseContact = command(
  'SuperviseContact',
  "A supervisor monitors, whispers to the agent, or barges into an agent's contact (or changes the mode).",
  SupervisorContact.extend({ mode: SupervisionMode }),
);
export const StopSupervising = command(
  'StopSupervising',
  "The supervisor leaves the agent's contact.",
  SupervisorContact,
);
export const PostBulletin = command(
  'PostBulletin',
  "A supervisor's broadcast shown on every agent's desk (e.g. what to tell callers during an outage).",
  Bulletin,
);
export const WithdrawBulletin = command(
  'WithdrawBulletin',
  'The bulletin leaves the desks.',
  z.object({ bulletinId: BulletinId }),
);
export const EndContact = command(
  'EndContact',
  'The contact ended (either side hung up or closed the chat); after-contact work starts.',
  AgentContact,
);
export const EndAfterContactWork = command(
  'EndAfterContactWork',
  'The agent ends after-contact work before it ends by itself.',
  Agent,
);
export const RunRouterTimers = command(
  'RunRouterTimers',
  'Apply what is due now: expired offers, max waits, ended after-contact work, widened tiers.',
  z.object({}),
);

export const routingCommands = [
  DefineQueue,
  SetAgentProfile,
  SetRouterSettings,
  LogInAgent,
  LogOutAgent,
  MakeAgentReady,
  MakeAgentNotReady,
  QueueContact,
  AbandonQueuedContact,
  RequestCallback,
  AcceptOffer,
  DeclineOffer,
  HoldContact,
  ResumeContact,
  TransferContact,
  ConsultParty,
  EndConsultation,
  AddConferenceParty,
  RemoveConferenceParty,
  SuperviseContact,
  StopSupervising,
  PostBulletin,
  WithdrawBulletin,
  EndContact,
  EndAfterContactWork,
  RunRouterTimers,
] as const;
