import { createHash } from 'node:crypto';

/**
 * Whether a closed case is drawn for a random audit callback: a uniform number in [0, 1) from the
 * seed and the case id, compared with the share. The same seed draws the same cases on any machine,
 * in any order, any number of times (a replay or a second instance agrees); a new seed draws anew.
 */
export function drawnForAudit(seed: string, caseId: string, share: number): boolean {
  if (share <= 0) return false;
  if (share >= 1) return true;
  return uniform(seed, caseId) < share;
}

/** A uniform number in [0, 1) derived from the seed and the key (SHA-256, 48 bits). */
export function uniform(seed: string, key: string): number {
  const digest = createHash('sha256').update(`${seed}\u0000${key}`).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** The audit share of a unit: its own, else the default. */
export const auditShareOf = (
  shares: { byUnit: Readonly<Record<string, number>>; fallback: number },
  unitId: string | undefined,
): number => (unitId !== undefined ? (shares.byUnit[unitId] ?? shares.fallback) : 0);
