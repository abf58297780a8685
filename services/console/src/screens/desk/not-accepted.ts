import type { EmergencyService, NotAcceptedReason } from '@hotline/contracts';

/** The emergency number an emergency reason refers the caller to (ReferContact), else undefined. */
export function emergencyServiceOf(reason: NotAcceptedReason): EmergencyService | undefined {
  const match = /^emergency-(110|119|120|122)$/.exec(reason);
  return match?.[1] as EmergencyService | undefined;
}

/**
 * DeclineContact has one explanation for the citizen: where the caller should turn goes on a line
 * of its own after it. The text is the citizen's, so it is Chinese.
 */
export function joinReferral(explanation?: string, referral?: string): string | undefined {
  const parts = [explanation?.trim(), referral?.trim() ? `转介：${referral.trim()}` : undefined].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  return parts.length > 0 ? parts.join('\n') : undefined;
}
