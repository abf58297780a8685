const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The Monday (YYYY-MM-DD) of the week an instant falls in, in Beijing time (UTC+8, no daylight
 * saving): the center's weeks run Monday to Sunday there.
 */
export function weekOf(at: string): string {
  const local = new Date(Date.parse(at) + BEIJING_OFFSET_MS);
  const sinceMonday = (local.getUTCDay() + 6) % 7;
  return new Date(local.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}
