/**
 * k-sigma over a baseline: the same weekday and hour of the weeks before. The standard deviation
 * has a floor of 1 so that a flat baseline (a quiet hour with the same count every week) does not make
 * every extra call a surge, and the count must also be at least one and a half times the mean.
 */
export function detectSurge(
  count: number,
  baseline: readonly number[],
  k: number,
): { surge: boolean; mean: number; sigma: number } {
  const mean = baseline.length ? baseline.reduce((a, b) => a + b, 0) / baseline.length : 0;
  const variance = baseline.length
    ? baseline.reduce((sum, n) => sum + (n - mean) ** 2, 0) / baseline.length
    : 0;
  const sigma = Math.sqrt(variance);
  const threshold = mean + k * Math.max(sigma, 1);
  return { surge: count > threshold && count >= 1.5 * mean, mean, sigma };
}
