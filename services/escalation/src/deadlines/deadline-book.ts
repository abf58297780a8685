import type { DeadlinePoint, RecordedEvent, WorkingCalendar } from '@hotline/contracts';
import { CityCalendar } from './city-calendar';
import type {
  BookState,
  DeadlineBookOptions,
  DueTimer,
  PointTimer,
  TrackedCase,
  TrackedSupervision,
} from './deadline-book.types';
import type { HalfDayIndex } from './half-day-index';
import { basisOf, dueMsOf, earlierBy, type TimerBasis } from './timer-basis';
import { TimerHeap, type HeapEntry } from './timer-heap';

export type * from './deadline-book.types';

const DISPATCHES = new Set([
  'CaseDispatched',
  'CaseRedispatched',
  'CaseDispatchedToFallbackUnit',
  'CaseRedone',
]);
const FINISHED = new Set([
  'CaseCompleted',
  'CaseClosed',
  'CaseDeclined',
  'CaseAnsweredAtIntake',
  'CaseMerged',
]);

const caseOwner = (id: string) => `case:${id}`;
const supervisionOwner = (id: string) => `supervision:${id}`;

/**
 * Every open case's due points, folded from the event log (the workflow's case events, the city's
 * calendar days, and the escalation service's own fired points), and a heap of what is due next.
 *
 * Pure and in memory; the `escalation-deadline-book` projection saves each change to the read
 * store, so a restart restores the book and folds only the events since (the points already fired
 * are among the saved state or those events). Each point is kept as a basis (working days from an
 * instant), so a holiday declared later moves every point not yet fired.
 */
export class DeadlineBook {
  private readonly cases = new Map<string, TrackedCase>();
  private readonly supervisions = new Map<string, TrackedSupervision>();
  private readonly heap = new TimerHeap();
  private readonly city: CityCalendar;

  constructor(private readonly options: DeadlineBookOptions) {
    this.city = new CityCalendar(options.calendar);
  }

  /** What every point's instant is computed on. */
  private get calendar(): HalfDayIndex {
    return this.city.halfDays;
  }

  get openCases(): number {
    return this.cases.size;
  }

  get scheduled(): number {
    return this.heap.size;
  }

  /** The calendar in force: the national one with the city's declared days. */
  currentCalendar(): WorkingCalendar {
    return this.city.working;
  }

  trackedCase(caseId: string): Readonly<TrackedCase> | undefined {
    return this.cases.get(caseId);
  }

  trackedSupervision(supervisionId: string): Readonly<TrackedSupervision> | undefined {
    return this.supervisions.get(supervisionId);
  }

  /** The days the city declared (holidays and make-up workdays) over the national calendar. */
  declaredDays(): ReadonlyMap<string, 'holiday' | 'workday'> {
    return this.city.declared();
  }

  /**
   * Replaces everything with a saved book (the `escalation-deadline-book` read model): the
   * calendar first, then every point's instant on it and the heap, as a calendar change does.
   */
  restore(saved: BookState): void {
    this.cases.clear();
    for (const tracked of saved.cases) this.cases.set(tracked.caseId, tracked);
    this.supervisions.clear();
    for (const supervision of saved.supervisions)
      this.supervisions.set(supervision.supervisionId, supervision);
    this.pending.length = 0;
    this.city.restore(saved.days);
    this.reschedule();
  }

  /** Every open case with a deadline (the deadline board reads them). */
  *casesWithDeadline(): IterableIterator<Readonly<TrackedCase> & { deadline: PointTimer }> {
    for (const tracked of this.cases.values()) {
      if (tracked.deadline && !tracked.replied) yield tracked as TrackedCase & { deadline: PointTimer };
    }
  }

  /** Folds one event; returns whether it changed anything. */
  apply(event: RecordedEvent): boolean {
    const data = event.data as Record<string, unknown>;
    const at = Date.parse(event.time);
    if (event.type === 'CalendarDayDeclared' || event.type === 'CalendarDayCleared') {
      this.city.apply(event.type, data);
      this.reschedule();
      return true;
    }
    if (event.type.startsWith('Supervision')) return this.applySupervision(event, data, at);
    if (event.type === 'CaseDeadlinePointReached') {
      const tracked = this.cases.get(data.caseId as string);
      tracked?.fired.add(`${data.point as string}:${data.key as string}`);
      return tracked !== undefined;
    }
    const caseId = data.caseId as string | undefined;
    if (caseId === undefined) return false;
    if (FINISHED.has(event.type)) return this.cases.delete(caseId);
    if (DISPATCHES.has(event.type)) {
      this.dispatch(caseId, event, data, at);
      return true;
    }
    const tracked = this.cases.get(caseId);
    if (!tracked) return false;
    switch (event.type) {
      case 'CaseSubDispatched': {
        tracked.unitId = data.toUnitId as string;
        tracked.points.delete('sub-dispatch-by');
        this.setPoint(tracked, 'sign-by', `sign:${event.id}`, basisOf(this.calendar, at, ms(data.signBy)));
        this.setPoint(
          tracked,
          'return-by',
          `return:${event.id}`,
          basisOf(this.calendar, at, ms(data.returnBy)),
        );
        return true;
      }
      case 'CaseSigned': {
        if (data.role !== 'lead') return false;
        tracked.points.delete('sign-by');
        tracked.points.delete('return-by');
        if (tracked.unitId === data.unitId && !tracked.points.has('first-contact-by')) {
          const basis: TimerBasis = { kind: 'working', fromMs: at, days: this.options.firstContactWithin };
          this.setPoint(tracked, 'first-contact-by', `contact:${event.id}`, basis);
        }
        return true;
      }
      case 'CaseReturned': {
        if (data.role !== 'lead') return false;
        for (const point of ['sign-by', 'return-by', 'first-contact-by', 'sub-dispatch-by']) {
          tracked.points.delete(point);
        }
        if (data.returnedToUnitId === undefined) {
          // Back at the center until it is dispatched again: nobody to chase.
          tracked.unitId = undefined;
          tracked.points.clear();
        } else tracked.unitId = data.returnedToUnitId as string;
        return true;
      }
      case 'CaseExtensionApproved': {
        const from = tracked.deadline?.basis.kind === 'working' ? tracked.deadline.basis.fromMs : at;
        const basis = basisOf(this.calendar, from, ms(data.dueAt));
        tracked.deadline = { key: `due:${event.id}`, basis, dueMs: dueMsOf(this.calendar, basis) };
        if (!tracked.replied) this.scheduleDeadline(tracked);
        return true;
      }
      case 'CaseReplied': {
        tracked.replied = true;
        tracked.points.clear();
        return true;
      }
      case 'CaseReplySentBack': {
        tracked.replied = false;
        this.scheduleDeadline(tracked);
        return true;
      }
      case 'CaseReportedToLeader':
        tracked.reportedToLeader = true;
        return true;
      default:
        return false;
    }
  }

  /**
   * Pops every point due at `nowMs` that is still current and not fired. A point stays in the book
   * until its fired event comes back through the log, so a firing that failed is tried again.
   */
  due(nowMs: number, max = Number.POSITIVE_INFINITY): DueTimer[] {
    const due: DueTimer[] = [];
    const retry: HeapEntry[] = [];
    while (due.length < max) {
      const top = this.heap.peek();
      if (!top || top.dueMs > nowMs) break;
      this.heap.pop();
      const timer = this.current(top);
      if (timer) {
        due.push(timer);
        retry.push(top);
      }
    }
    // Pushed back: popped again on a later tick until the fired event removes it.
    this.pending.push(...retry);
    return due;
  }

  /** After a tick: the points handed out go back into the heap, due again unless fired meanwhile. */
  requeue(): void {
    for (const entry of this.pending.splice(0)) {
      if (this.isCurrent(entry)) this.heap.push(entry);
    }
  }

  private readonly pending: HeapEntry[] = [];

  /** The scheduler's firing was appended (or found already there): the point is done. */
  markFired(timer: DueTimer): void {
    if (timer.kind === 'supervision') {
      const supervision = this.supervisions.get(timer.id);
      if (supervision && supervision.rectify.key === timer.key) supervision.fired = true;
      return;
    }
    this.cases.get(timer.id)?.fired.add(`${timer.point}:${timer.key}`);
  }

  /** The next due instant (for the scheduler's sleep), if any. */
  nextDueMs(): number | undefined {
    return this.heap.peek()?.dueMs;
  }

  private dispatch(caseId: string, event: RecordedEvent, data: Record<string, unknown>, at: number): void {
    const lead = data.lead as { unitId: string; signBy: string; returnBy: string; subDispatchBy?: string };
    const previous = this.cases.get(caseId);
    const tracked: TrackedCase = {
      caseId,
      districtId: previous?.districtId ?? event.metadata.districtId,
      unitId: lead.unitId,
      deadline: undefined,
      replied: false,
      points: new Map(),
      fired: previous?.fired ?? new Set(),
      underSupervision: previous?.underSupervision === true || data.underSupervision === true,
      reportedToLeader: previous?.reportedToLeader ?? false,
    };
    this.cases.set(caseId, tracked);
    this.setPoint(tracked, 'sign-by', `sign:${event.id}`, basisOf(this.calendar, at, ms(lead.signBy)));
    if (event.type !== 'CaseDispatchedToFallbackUnit' && ms(lead.returnBy) > at) {
      this.setPoint(
        tracked,
        'return-by',
        `return:${event.id}`,
        basisOf(this.calendar, at, ms(lead.returnBy)),
      );
    }
    if (lead.subDispatchBy !== undefined) {
      this.setPoint(tracked, 'sub-dispatch-by', `sub:${event.id}`, {
        kind: 'fixed',
        atMs: ms(lead.subDispatchBy),
      });
    }
    const basis = basisOf(this.calendar, at, ms(data.dueAt));
    tracked.deadline = { key: `due:${event.id}`, basis, dueMs: dueMsOf(this.calendar, basis) };
    this.scheduleDeadline(tracked);
  }

  private scheduleDeadline(tracked: TrackedCase): void {
    const deadline = tracked.deadline;
    if (!deadline) return;
    const { key, basis } = deadline;
    this.setPoint(tracked, 'overdue', key, basis);
    const yellow = earlierBy(basis, this.options.dueSoonWithin);
    if (yellow) this.setPoint(tracked, 'due-soon', key, yellow);
    else tracked.points.delete('due-soon');
  }

  private setPoint(tracked: TrackedCase, point: DeadlinePoint, key: string, basis: TimerBasis): void {
    const dueMs = dueMsOf(this.calendar, basis, basis.kind === 'working' ? basis.fromMs : undefined);
    tracked.points.set(point, { key, basis, dueMs });
    if (!tracked.fired.has(`${point}:${key}`)) {
      this.heap.push({ dueMs, owner: caseOwner(tracked.caseId), point, key });
    }
  }

  private applySupervision(event: RecordedEvent, data: Record<string, unknown>, at: number): boolean {
    const supervisionId = data.supervisionId as string;
    switch (event.type) {
      case 'SupervisionOpened': {
        const rectifyMs = ms(data.rectifyBy);
        const basis = basisOf(this.calendar, at, rectifyMs);
        const rectify = { key: `rectify:${event.id}`, basis, dueMs: dueMsOf(this.calendar, basis) };
        this.supervisions.set(supervisionId, {
          supervisionId,
          districtId: event.metadata.districtId,
          unitId: data.unitId as string,
          rectify,
          fired: false,
        });
        this.heap.push({
          dueMs: rectify.dueMs,
          owner: supervisionOwner(supervisionId),
          point: 'rectify-by',
          key: rectify.key,
        });
        const tracked = this.cases.get(data.caseId as string);
        if (tracked) tracked.underSupervision = true;
        return true;
      }
      case 'SupervisionRectificationOverdue': {
        const supervision = this.supervisions.get(supervisionId);
        if (supervision) supervision.fired = true;
        return supervision !== undefined;
      }
      case 'SupervisionResponded':
      case 'SupervisionClosed':
        return this.supervisions.delete(supervisionId);
      default:
        return false;
    }
  }

  /** Every point not fired, at its instant on the new calendar: O(n) for the whole book. */
  private reschedule(): void {
    const entries: HeapEntry[] = [];
    for (const tracked of this.cases.values()) {
      if (tracked.deadline)
        tracked.deadline.dueMs = dueMsOf(this.calendar, tracked.deadline.basis, tracked.deadline.dueMs);
      for (const [point, timer] of tracked.points) {
        timer.dueMs = dueMsOf(this.calendar, timer.basis, timer.dueMs);
        if (!tracked.fired.has(`${point}:${timer.key}`)) {
          entries.push({ dueMs: timer.dueMs, owner: caseOwner(tracked.caseId), point, key: timer.key });
        }
      }
    }
    for (const supervision of this.supervisions.values()) {
      const { rectify } = supervision;
      rectify.dueMs = dueMsOf(this.calendar, rectify.basis, rectify.dueMs);
      if (!supervision.fired) {
        entries.push({
          dueMs: rectify.dueMs,
          owner: supervisionOwner(supervision.supervisionId),
          point: 'rectify-by',
          key: rectify.key,
        });
      }
    }
    this.heap.reset(entries);
  }

  private isCurrent(entry: HeapEntry): boolean {
    return this.current(entry) !== undefined;
  }

  /** The timer an entry stands for, if it is still the point's current setting and not fired. */
  private current(entry: HeapEntry): DueTimer | undefined {
    const [kind, id] = splitOwner(entry.owner);
    if (kind === 'supervision') {
      const supervision = this.supervisions.get(id);
      if (!supervision || supervision.fired || supervision.rectify.key !== entry.key) return undefined;
      if (supervision.rectify.dueMs !== entry.dueMs) return undefined;
      return {
        kind,
        id,
        point: 'rectify-by',
        key: entry.key,
        dueAt: new Date(entry.dueMs),
        unitId: supervision.unitId,
        districtId: supervision.districtId,
      };
    }
    const tracked = this.cases.get(id);
    const timer = tracked?.points.get(entry.point);
    if (!tracked || !timer || timer.key !== entry.key || timer.dueMs !== entry.dueMs) return undefined;
    if (tracked.fired.has(`${entry.point}:${entry.key}`)) return undefined;
    return {
      kind: 'case',
      id,
      point: entry.point as DeadlinePoint,
      key: entry.key,
      dueAt: new Date(entry.dueMs),
      unitId: tracked.unitId,
      districtId: tracked.districtId,
    };
  }
}

const ms = (iso: unknown): number => Date.parse(iso as string);

function splitOwner(owner: string): ['case' | 'supervision', string] {
  const colon = owner.indexOf(':');
  return [owner.slice(0, colon) as 'case' | 'supervision', owner.slice(colon + 1)];
}
