/** The reporting read models (one store, these collections). */
export const CASE_FACTS = 'reporting_case_facts';
export const CASE_CELLS = 'reporting_case_cells';
export const ACTIVITY_CELLS = 'reporting_activity';
export const TOPIC_CELLS = 'reporting_topics';
export const HOURLY_CELLS = 'reporting_hourly';
export const CONTACT_CELLS = 'reporting_contact_cells';
export const REPORTING_UNITS = 'reporting_units';

/**
 * The case counters are kept at four grains, each a roll-up of the same increments, so a report
 * reads the smallest grain that has its dimensions: `d` day × district (city and district
 * totals, trends), `u` day × district × unit (drill-down, scorecards), `k` day × district × category,
 * `c` every dimension (any other filter).
 */
export type CellLevel = 'd' | 'u' | 'k' | 'c';

/** The `_id` of an hourly cell: the surge baseline reads a key's past hours by it. */
export function hourlyCellId(hour: string, districtId: string, kind: string, key: string): string {
  return `${hour}|${districtId}|${kind}|${key}`;
}
