/** What a hot topic or a surge is keyed by: a category code, a keyword or a place. */
export type TopicKind = 'category' | 'term' | 'place';

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

/** The announcement proposed for the IVR: tells callers the matter is known, so fewer wait to report it again. */
export function announcementFor(kind: TopicKind, label: string): string {
  const matter = kind === 'place' ? `${label}附近的情况` : `“${label}”相关问题`;
  return `您好，我们已收到大量市民关于${matter}的反映，相关部门正在处理中，请耐心等待，感谢您的理解与支持。`;
}
