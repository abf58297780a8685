import type { PollUnitResult } from './polls-api';

export type VerificationState = 'pending' | 'overdue' | 'agreed' | 'disputed';

/**
 * Where a unit's verification stands for the center: not in yet (pending, or overdue once the three
 * working days have passed, so the center knows whom to chase), or in (agreed, disputed).
 */
export function verificationState(
  verification: PollUnitResult['verification'],
  verifyBy: string | undefined,
  now: Date,
): VerificationState {
  if (verification) return verification.agreed ? 'agreed' : 'disputed';
  return verifyBy !== undefined && now.getTime() > Date.parse(verifyBy) ? 'overdue' : 'pending';
}
