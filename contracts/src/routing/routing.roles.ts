import type { GatewayRole } from '../kernel/gateway-roles';
import type { Actor } from '../kernel/actor';
import type { RouterCommand } from './routing.messages';

/**
 * Who may send each router command: one vocabulary (the gateway's roles, plus `system` for the
 * platform itself: the sipapp, the router's timers, web chat) used by the gateway's routes and
 * enforced again by the router's decider, so a command that reaches the bus by another way obeys
 * the same rules.
 */
export type RouterRole = GatewayRole | 'system';

const DESK: readonly RouterRole[] = ['agent', 'supervisor', 'system'];
const SUPERVISION: readonly RouterRole[] = ['supervisor', 'system'];
const ADMINISTRATION: readonly RouterRole[] = ['city-admin', 'system'];
const PLATFORM: readonly RouterRole[] = ['system'];

export const ROUTER_COMMAND_ROLES: Readonly<Record<RouterCommand['type'], readonly RouterRole[]>> = {
  DefineQueue: ADMINISTRATION,
  SetAgentProfile: ADMINISTRATION,
  SetRouterSettings: ADMINISTRATION,
  LogInAgent: DESK,
  LogOutAgent: DESK,
  MakeAgentReady: DESK,
  MakeAgentNotReady: DESK,
  QueueContact: PLATFORM,
  AbandonQueuedContact: PLATFORM,
  RequestCallback: PLATFORM,
  AcceptOffer: DESK,
  DeclineOffer: DESK,
  HoldContact: DESK,
  ResumeContact: DESK,
  TransferContact: DESK,
  ConsultParty: DESK,
  EndConsultation: DESK,
  AddConferenceParty: DESK,
  RemoveConferenceParty: DESK,
  SuperviseContact: SUPERVISION,
  StopSupervising: SUPERVISION,
  PostBulletin: SUPERVISION,
  WithdrawBulletin: SUPERVISION,
  EndContact: DESK,
  EndAfterContactWork: DESK,
  RunRouterTimers: PLATFORM,
};

/**
 * Commands an agent may send only about themselves (`agentId` is the actor): a supervisor and the
 * platform act for any agent (forced states, a hang-up seen by the telephony).
 */
export const AGENT_OWN_COMMANDS: ReadonlySet<RouterCommand['type']> = new Set([
  'LogInAgent',
  'LogOutAgent',
  'MakeAgentReady',
  'MakeAgentNotReady',
  'AcceptOffer',
  'DeclineOffer',
  'HoldContact',
  'ResumeContact',
  'TransferContact',
  'ConsultParty',
  'EndConsultation',
  'AddConferenceParty',
  'RemoveConferenceParty',
  'EndContact',
  'EndAfterContactWork',
]);

/** The router role of an actor: the platform's own actors are `system`, people their gateway role. */
export const routerRoleOf = (actor: Actor): RouterRole | undefined =>
  actor.role === 'system' ? 'system' : (actor.gatewayRole as GatewayRole | undefined);

/** The gateway roles a route serving `type` allows (the platform never comes through the gateway). */
export const gatewayRolesFor = (type: RouterCommand['type']): GatewayRole[] =>
  ROUTER_COMMAND_ROLES[type].filter((role): role is GatewayRole => role !== 'system');
