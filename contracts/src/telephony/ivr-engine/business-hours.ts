import type { IvrNode } from '../ivr-flow.schema';

const CST_OFFSET_MS = 8 * 3_600_000;
const minutes = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** Whether a business-hours node is open at a moment: China time, sessions [start, end), the calendar's days. */
export function isOpenAt(
  node: Extract<IvrNode, { kind: 'business-hours' }>,
  at: Date,
  isWorkingDay: (at: Date) => boolean,
): boolean {
  if (node.days === 'working-days' && !isWorkingDay(at)) return false;
  const minuteOfDay = Math.floor(((at.getTime() + CST_OFFSET_MS) % 86_400_000) / 60_000);
  return node.sessions.some((s) => minuteOfDay >= minutes(s.start) && minuteOfDay < minutes(s.end));
}
