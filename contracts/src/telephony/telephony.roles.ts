import type { Actor } from '../kernel/actor';
import type { GatewayRole } from '../kernel/gateway-roles';
import type { IvrFlowCommand, LiveAnnouncementCommand } from './telephony.messages';

/**
 * Who may send each command of the IVR's flows and announcement: one vocabulary (the gateway's roles,
 * plus `system` for the platform itself) used by the gateway's routes and enforced again by the
 * sipapp's deciders, so a command that reaches the bus by another way obeys the same rules.
 */
export type TelephonyRole = GatewayRole | 'system';

export const TELEPHONY_COMMAND_ROLES: Readonly<
  Record<IvrFlowCommand['type'] | LiveAnnouncementCommand['type'], readonly TelephonyRole[]>
> = {
  // The menu tree is the city's configuration, as the router's queues are.
  PublishIvrFlow: ['city-admin', 'system'],
  // The floor's people during a mass incident: the supervisor seat and the hotline center.
  SetLiveAnnouncement: ['supervisor', 'center', 'system'],
  ClearLiveAnnouncement: ['supervisor', 'center', 'system'],
};

/** The telephony role of an actor: the platform's own actors are `system`, people their gateway role. */
export const telephonyRoleOf = (actor: Actor): TelephonyRole | undefined =>
  actor.role === 'system' ? 'system' : (actor.gatewayRole as GatewayRole | undefined);

/** The gateway roles a route serving `type` allows (the platform never comes through the gateway). */
export const telephonyGatewayRoles = (type: keyof typeof TELEPHONY_COMMAND_ROLES): GatewayRole[] =>
  TELEPHONY_COMMAND_ROLES[type].filter((role): role is GatewayRole => role !== 'system');
