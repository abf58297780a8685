import { RuleViolation } from '@hotline/contracts';

export enum TelephonyError {
  FlowInvalid = 'IVR_FLOW_INVALID',
  RoleNotAllowed = 'TELEPHONY_ROLE_NOT_ALLOWED',
  AnnouncementExpired = 'LIVE_ANNOUNCEMENT_EXPIRY_IN_PAST',
  NoAnnouncement = 'LIVE_ANNOUNCEMENT_NOT_SET',
  OutboundChanged = 'OUTBOUND_CALL_ID_REUSED',
  OutboundNotRequested = 'OUTBOUND_CALL_NOT_REQUESTED',
  OutboundAlreadyDialed = 'OUTBOUND_CALL_ALREADY_DIALED',
}

/** A refused role is 403; a flow that fails validation names the node and reason (422). */
export class TelephonyRuleViolation extends RuleViolation<TelephonyError> {
  static override readonly kinds = {
    [TelephonyError.RoleNotAllowed]: 'forbidden',
    [TelephonyError.OutboundNotRequested]: 'not-found',
    [TelephonyError.OutboundChanged]: 'conflict',
  } as const;
}

/** Throws unless the actor has one of the roles. */
export function requireRole(role: string, allowed: readonly string[], what: string): void {
  if (!allowed.includes(role)) {
    throw new TelephonyRuleViolation(
      TelephonyError.RoleNotAllowed,
      `${what} is not allowed for role ${role}`,
    );
  }
}
