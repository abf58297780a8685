import { WorkflowRole, type DeadlineBoardRow, type QueryViewer } from '@hotline/contracts';
import type { DeadlineBook } from './deadline-book';

const FAR_AHEAD_MS = 30 * 86_400_000;

export interface DeadlineBoardQuery {
  viewer: QueryViewer;
  unitId?: string | undefined;
  colour?: 'yellow' | 'red' | undefined;
  limit: number;
}

/**
 * Open cases near or past their deadline, most urgent first (the most overdue on top), from the
 * book in memory. A unit user sees its own unit's cases whatever it asks; a district its district's.
 */
export function deadlineBoard(
  book: DeadlineBook,
  query: DeadlineBoardQuery,
  now: Date,
  dueSoonWithin: number,
): DeadlineBoardRow[] {
  const { actor, districtId } = query.viewer;
  const unitId = actor.role === WorkflowRole.Unit ? (actor.unitId ?? '-') : query.unitId;
  const calendar = book.currentCalendar();
  const rows: DeadlineBoardRow[] = [];
  for (const tracked of book.casesWithDeadline()) {
    if (unitId !== undefined && tracked.unitId !== unitId) continue;
    if (districtId !== 'city' && tracked.districtId !== districtId) continue;
    const dueMs = tracked.deadline.dueMs;
    // Yellow is at most a few working days away: a deadline weeks ahead needs no calendar walk.
    if (dueMs - now.getTime() > FAR_AHEAD_MS) continue;
    const red = dueMs < now.getTime();
    let left: number;
    try {
      left = calendar.workingDaysBetween(now, new Date(dueMs));
    } catch {
      left = (dueMs - now.getTime()) / 86_400_000;
    }
    const colour = red ? 'red' : left <= dueSoonWithin ? 'yellow' : undefined;
    if (!colour || (query.colour && query.colour !== colour)) continue;
    rows.push({
      caseId: tracked.caseId,
      unitId: tracked.unitId,
      dueAt: new Date(dueMs).toISOString(),
      colour,
      workingDaysLeft: Math.round(left * 10) / 10,
      underSupervision: tracked.underSupervision,
      reportedToLeader: tracked.reportedToLeader,
    });
  }
  return rows.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt)).slice(0, query.limit);
}
