/** One KPI of a report: its ratio with the counts it is made of, and its target when it has one. */
export interface Kpi {
  key: string;
  numerator: number;
  denominator: number;
  /** null when nothing counts in the denominator (no rate rather than 0 % or 100 %). */
  value: number | null;
  /** The minimum (or, for `lowerIsBetter`, the maximum) DOMAIN.md sets. */
  target?: number;
  lowerIsBetter?: boolean;
  /** Seconds rather than a ratio (ASA, AHT). */
  unit?: 'ratio' | 'seconds';
}

export function ratio(
  key: string,
  numerator: number,
  denominator: number,
  extra: Omit<Kpi, 'key' | 'numerator' | 'denominator' | 'value'> = {},
): Kpi {
  return { key, numerator, denominator, value: denominator > 0 ? numerator / denominator : null, ...extra };
}
