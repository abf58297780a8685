const HOUR_MS = 3_600_000;
const MIB = 1024 * 1024;

export interface AnonymousUploadLimits {
  uploadsPerHour: number;
  mibPerHour: number;
  pendingMib: number;
}

/** Why an anonymous upload must wait, and for how long (seconds). */
export interface QuotaRefusal {
  reason: string;
  retryAfterSeconds: number;
}

/**
 * What the portal's callers (no account) may upload: per client address in a sliding hour, and in
 * total while uploads wait to be referenced. Per gateway replica for the address window; the total
 * comes from the shared volume, so it holds across replicas.
 */
export class AnonymousUploadQuota {
  private readonly recent = new Map<string, { at: number; bytes: number }[]>();

  constructor(
    private readonly limits: AnonymousUploadLimits,
    private readonly now: () => number = Date.now,
    private readonly maxAddresses = 100_000,
  ) {}

  /** Whether `address` may upload `bytes` more (0 before the body is read) with `pendingBytes` waiting in total. */
  check(address: string, bytes: number, pendingBytes: number): QuotaRefusal | undefined {
    const now = this.now();
    const window = this.window(address, now);
    if (window.length >= this.limits.uploadsPerHour) {
      return {
        reason: `at most ${this.limits.uploadsPerHour} files per hour without signing in`,
        retryAfterSeconds: waitFor(window, now),
      };
    }
    const used = window.reduce((sum, upload) => sum + upload.bytes, 0);
    if (used + bytes > this.limits.mibPerHour * MIB) {
      return {
        reason: `at most ${this.limits.mibPerHour} MiB per hour without signing in`,
        retryAfterSeconds: waitFor(window, now),
      };
    }
    if (pendingBytes + bytes > this.limits.pendingMib * MIB) {
      return {
        reason: 'the portal holds too many unsubmitted files; try again later',
        retryAfterSeconds: 600,
      };
    }
    return undefined;
  }

  record(address: string, bytes: number): void {
    const now = this.now();
    if (!this.recent.has(address) && this.recent.size >= this.maxAddresses) this.forgetIdle(now);
    this.recent.set(address, [...this.window(address, now), { at: now, bytes }]);
  }

  private window(address: string, now: number): { at: number; bytes: number }[] {
    return (this.recent.get(address) ?? []).filter((upload) => now - upload.at < HOUR_MS);
  }

  private forgetIdle(now: number): void {
    for (const [address, uploads] of this.recent) {
      if (uploads.every((upload) => now - upload.at >= HOUR_MS)) this.recent.delete(address);
    }
    if (this.recent.size >= this.maxAddresses) this.recent.clear();
  }
}

function waitFor(window: { at: number }[], now: number): number {
  if (window.length === 0) return HOUR_MS / 1000;
  const oldest = Math.min(...window.map((upload) => upload.at));
  return Math.max(1, Math.ceil((oldest + HOUR_MS - now) / 1000));
}
