import { uniform } from '../audit/audit-draw';

/**
 * Random-start systematic sampling (随机起点等距抽样): from a frame of N in its file order, take n
 * at the fixed interval k = N / n starting from a random point r in [0, k): the items at
 * floor(r + i·k). The start comes from the seed and the stratum's key, so the same seed draws the
 * same sample. n ≥ N takes the whole frame.
 */
export function systematicSample<T>(frame: readonly T[], n: number, seed: string, key = ''): T[] {
  const size = frame.length;
  if (n <= 0 || size === 0) return [];
  if (n >= size) return [...frame];
  const interval = size / n;
  const start = uniform(seed, key) * interval;
  const sample: T[] = [];
  for (let i = 0; i < n; i++) sample.push(frame[Math.floor(start + i * interval)] as T);
  return sample;
}

/** How many numbers a poll wants from one district and frame. */
export interface Quota {
  district: string;
  frame: string;
  count: number;
}

export interface QuotaSample<T> {
  quota: Quota;
  /** Numbers available in the stratum. */
  available: number;
  sample: T[];
}

/**
 * One systematic sample per quota, each from its own stratum (the frame's numbers in that
 * district) with its own seeded start. A quota larger than its stratum takes all of it, and says so
 * (`available`), so the poll's progress shows the shortfall instead of hiding it.
 */
export function sampleByQuota<T extends { district: string }>(
  frames: Readonly<Record<string, readonly T[]>>,
  quotas: readonly Quota[],
  seed: string,
): QuotaSample<T>[] {
  const strata = new Map<string, T[]>();
  for (const [frame, entries] of Object.entries(frames)) {
    for (const entry of entries) {
      const key = `${frame}|${entry.district}`;
      const stratum = strata.get(key);
      if (stratum) stratum.push(entry);
      else strata.set(key, [entry]);
    }
  }
  return quotas.map((quota) => {
    const key = `${quota.frame}|${quota.district}`;
    const stratum = strata.get(key) ?? [];
    return { quota, available: stratum.length, sample: systematicSample(stratum, quota.count, seed, key) };
  });
}
