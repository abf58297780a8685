import { RuleViolation, TELEPHONY_COMMAND_ROLES, telephonyRoleOf, type Actor } from '@hotline/contracts';

export enum TelephonyError {
  FlowInvalid = 'IVR_FLOW_INVALID',
  FlowVersionStale = 'IVR_FLOW_VERSION_STALE',
  RoleNotAllowed = 'TELEPHONY_ROLE_NOT_ALLOWED',
  AnnouncementExpired = 'LIVE_ANNOUNCEMENT_EXPIRY_IN_PAST',
  NoAnnouncement = 'LIVE_ANNOUNCEMENT_NOT_SET',
  OutboundChanged = 'OUTBOUND_CALL_ID_REUSED',
  OutboundNotRequested = 'OUTBOUND_CALL_NOT_REQUESTED',
  OutboundAlreadyDialed = 'OUTBOUND_CALL_ALREADY_DIALED',
}

/** A refused role is 403, a publish from a superseded version 409; an invalid flow names the node and reason (422). */
export class TelephonyRuleViolation extends RuleViolation<TelephonyError> {
  static override readonly kinds = {
    [TelephonyError.RoleNotAllowed]: 'forbidden',
    [TelephonyError.FlowVersionStale]: 'conflict',
    [TelephonyError.OutboundNotRequested]: 'not-found',
    [TelephonyError.OutboundChanged]: 'conflict',
  } as const;
}

/** Throws unless the actor's role is one `TELEPHONY_COMMAND_ROLES` allows for the command. */
export function requireTelephonyRole(actor: Actor, type: keyof typeof TELEPHONY_COMMAND_ROLES): void {
  const role = telephonyRoleOf(actor);
  if (role === undefined || !TELEPHONY_COMMAND_ROLES[type].includes(role)) {
    throw new TelephonyRuleViolation(
      TelephonyError.RoleNotAllowed,
      `${type} is not allowed for role ${role ?? actor.role}`,
    );
  }
}

/** Throws unless the actor's service role is one of `allowed` (the platform's own commands). */
export function requireRole(role: string, allowed: readonly string[], what: string): void {
  if (!allowed.includes(role)) {
    throw new TelephonyRuleViolation(
      TelephonyError.RoleNotAllowed,
      `${what} is not allowed for role ${role}`,
    );
  }
}
