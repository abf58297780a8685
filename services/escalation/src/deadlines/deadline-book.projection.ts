import type { RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import type { DeadlineBook, PointTimer, TrackedCase, TrackedSupervision } from './deadline-book';

export const DEADLINE_BOOK = 'escalation_deadline_book';
const CALENDAR_ID = 'calendar';
const caseDoc = (caseId: string) => `case:${caseId}`;
const supervisionDoc = (supervisionId: string) => `supervision:${supervisionId}`;

/** A tracked case as stored: maps and sets as plain JSON. */
interface SavedCase {
  caseId: string;
  districtId: string;
  unitId?: string;
  deadline?: PointTimer;
  replied: boolean;
  points: Record<string, PointTimer>;
  fired: string[];
  underSupervision: boolean;
  reportedToLeader: boolean;
}

type SavedDocument =
  | { _id: string; kind: 'case'; state: SavedCase }
  | { _id: string; kind: 'supervision'; state: TrackedSupervision }
  | { _id: string; kind: 'calendar'; state: { days: Record<string, 'holiday' | 'workday'> } };

function savedCase(tracked: Readonly<TrackedCase>): SavedCase {
  return {
    caseId: tracked.caseId,
    districtId: tracked.districtId,
    ...(tracked.unitId !== undefined ? { unitId: tracked.unitId } : {}),
    ...(tracked.deadline ? { deadline: tracked.deadline } : {}),
    replied: tracked.replied,
    points: Object.fromEntries(tracked.points),
    fired: [...tracked.fired],
    underSupervision: tracked.underSupervision,
    reportedToLeader: tracked.reportedToLeader,
  };
}

function trackedCase(saved: SavedCase): TrackedCase {
  return {
    caseId: saved.caseId,
    districtId: saved.districtId,
    unitId: saved.unitId,
    deadline: saved.deadline,
    replied: saved.replied,
    points: new Map(Object.entries(saved.points)),
    fired: new Set(saved.fired),
    underSupervision: saved.underSupervision,
    reportedToLeader: saved.reportedToLeader,
  };
}

/** The documents an event may change: its case, its supervision (and that one's case), the calendar. */
function touched(event: RecordedEvent): Array<['case' | 'supervision' | 'calendar', string]> {
  const data = event.data as { caseId?: string; supervisionId?: string };
  if (event.type === 'CalendarDayDeclared' || event.type === 'CalendarDayCleared')
    return [['calendar', CALENDAR_ID]];
  const docs: Array<['case' | 'supervision' | 'calendar', string]> = [];
  if (event.type.startsWith('Supervision') && data.supervisionId)
    docs.push(['supervision', data.supervisionId]);
  if (data.caseId) docs.push(['case', data.caseId]);
  return docs;
}

function save(book: DeadlineBook, context: ProjectionContext, kind: string, id: string): void {
  if (kind === 'calendar') {
    const days = Object.fromEntries(book.declaredDays());
    context.guardedUpdate(DEADLINE_BOOK, CALENDAR_ID, { $set: { kind, state: { days } } });
    return;
  }
  const docId = kind === 'case' ? caseDoc(id) : supervisionDoc(id);
  const tracked = kind === 'case' ? book.trackedCase(id) : book.trackedSupervision(id);
  if (!tracked) {
    context.delete(DEADLINE_BOOK, docId);
    return;
  }
  const state = kind === 'case' ? savedCase(tracked as TrackedCase) : { ...(tracked as TrackedSupervision) };
  context.guardedUpdate(DEADLINE_BOOK, docId, { $set: { kind, state } });
}

/**
 * The deadline book kept in the read store as well as in memory: one document per open case, per
 * open supervision, and one for the city's declared days, each rewritten whole when an event
 * changes it (a finished case or a closed supervision is deleted). `setup`, which the runner calls
 * at every start and after a rebuild has dropped the collection, restores the book from them, so
 * a restart folds only the events after the checkpoint: start time follows the open cases, not the
 * history. After a failed write the runner replays from its checkpoint onto the book in memory,
 * which is already past it: the book's fold converges (a dispatch resets a case's points, the rest
 * set or clear them, a fired point stays fired), as a live redelivery does.
 */
export function deadlineBookProjection(book: DeadlineBook, eventTypes: string[]): Projection {
  return {
    name: 'escalation-deadline-book',
    version: 1,
    collections: [DEADLINE_BOOK],
    filter: { eventTypes },
    async setup(store) {
      await store.collection(DEADLINE_BOOK).createIndex({ kind: 1 });
      await loadDeadlineBook(store, book);
    },
    handle(event, _store, context) {
      if (book.apply(event)) for (const [kind, id] of touched(event)) save(book, context, kind, id);
      return Promise.resolve();
    },
  };
}

/** Restores `book` from the read store; returns how many open cases it holds. */
export async function loadDeadlineBook(store: ReadStore, book: DeadlineBook): Promise<number> {
  const docs = await store.collection<SavedDocument>(DEADLINE_BOOK).find({});
  const cases: TrackedCase[] = [];
  const supervisions: TrackedSupervision[] = [];
  let days: Array<[string, 'holiday' | 'workday']> = [];
  for (const doc of docs) {
    if (doc.kind === 'case') cases.push(trackedCase(doc.state));
    else if (doc.kind === 'supervision') supervisions.push(doc.state);
    else days = Object.entries(doc.state.days);
  }
  book.restore({ days, cases, supervisions });
  return cases.length;
}
