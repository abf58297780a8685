import { RuleViolation } from '@hotline/contracts';

/** Why the router refuses a command; each names the state or the field at fault. */
export const RouterErrorCode = {
  UnknownQueue: 'ROUTER_UNKNOWN_QUEUE',
  UnknownAgent: 'ROUTER_UNKNOWN_AGENT',
  UnknownContact: 'ROUTER_UNKNOWN_CONTACT',
  InvalidOverflow: 'ROUTER_INVALID_OVERFLOW',
  AgentLoggedIn: 'ROUTER_AGENT_LOGGED_IN',
  AgentLoggedOut: 'ROUTER_AGENT_LOGGED_OUT',
  AgentOnContact: 'ROUTER_AGENT_ON_CONTACT',
  NoOffer: 'ROUTER_NO_OFFER',
  NotWithAgent: 'ROUTER_NOT_WITH_AGENT',
  AlreadyHeld: 'ROUTER_ALREADY_HELD',
  NotHeld: 'ROUTER_NOT_HELD',
  NotInAfterContactWork: 'ROUTER_NOT_IN_AFTER_CONTACT_WORK',
  ContactInQueue: 'ROUTER_CONTACT_ALREADY_QUEUED',
  ContactNotWaiting: 'ROUTER_CONTACT_NOT_WAITING',
  QueueFull: 'ROUTER_QUEUE_FULL',
  NoAgentLoggedIn: 'ROUTER_NO_AGENT_LOGGED_IN',
  CallbackVoiceOnly: 'ROUTER_CALLBACK_VOICE_ONLY',
  PartyUnavailable: 'ROUTER_PARTY_UNAVAILABLE',
  ConsultInProgress: 'ROUTER_CONSULT_IN_PROGRESS',
  NotConsulting: 'ROUTER_NOT_CONSULTING',
  AlreadyAParty: 'ROUTER_ALREADY_A_PARTY',
  NotAParty: 'ROUTER_NOT_A_PARTY',
  ConferenceFull: 'ROUTER_CONFERENCE_FULL',
  SupervisedByAnother: 'ROUTER_SUPERVISED_BY_ANOTHER',
  NotSupervising: 'ROUTER_NOT_SUPERVISING',
  UnknownBulletin: 'ROUTER_UNKNOWN_BULLETIN',
  InvalidBulletin: 'ROUTER_INVALID_BULLETIN',
  RoleNotAllowed: 'ROUTER_ROLE_NOT_ALLOWED',
  NotOwnSession: 'ROUTER_NOT_OWN_SESSION',
} as const;
export type RouterErrorCode = (typeof RouterErrorCode)[keyof typeof RouterErrorCode];

/** One error type for the router; a role refused is `forbidden` (HTTP 403), the rest rule violations. */
export class RouterRuleViolation extends RuleViolation<RouterErrorCode> {
  static override readonly kinds = {
    [RouterErrorCode.RoleNotAllowed]: 'forbidden',
    [RouterErrorCode.NotOwnSession]: 'forbidden',
  } as const;
}

export const routerViolation = (code: RouterErrorCode, message: string, details?: Record<string, unknown>) =>
  new RouterRuleViolation(code, message, details);
