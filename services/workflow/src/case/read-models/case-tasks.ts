import type { CaseEvent } from '@hotline/contracts';
import type { CaseRecord } from '../domain';

/** Where a case stands for one unit: what its inbox shows. */
export type TaskState =
  'to-sign' | 'in-progress' | 'replied' | 'returned' | 'handed-on' | 'reassigned' | 'done';

export interface UnitTask {
  unitId: string;
  role: 'lead' | 'co-handler';
  state: TaskState;
  signBy: string | null;
  dueAt: string | null;
  /** A district office holding the case: until when it may pass it on to its sub-units. */
  subDispatchBy: string | null;
  /** The case came back to this unit: the center sent its reply back, or a sub-unit returned it. */
  cameBack: boolean;
  extensionPending: boolean;
}

/** States in which a unit still has something to do (or is waiting on its sub-unit). */
export const ACTIVE_TASK_STATES: readonly TaskState[] = ['to-sign', 'in-progress', 'replied', 'handed-on'];
const FINISHED_CASE = new Set(['completed', 'closed', 'declined', 'merged']);

export const isoZ = (instant: string): string => new Date(instant).toISOString();
const optionalIso = (instant: string | undefined): string | null =>
  instant === undefined ? null : isoZ(instant);

/**
 * The units' tasks after an event, from the case's state: the lead, the units that passed it down
 * (handed on), the co-handlers; a unit no longer on the case keeps its last task, marked reassigned
 * when it still had something to do. A finished case finishes every task.
 */
export function nextTasks(previous: readonly UnitTask[], state: CaseRecord, event: CaseEvent): UnitTask[] {
  const current = new Map<string, UnitTask>();
  const dueAt = optionalIso(state.dueAt);
  const lead = state.lead;
  if (lead) {
    for (const superior of lead.superiors) {
      current.set(superior.unitId, task(superior.unitId, 'lead', 'handed-on', isoZ(superior.signBy), dueAt));
    }
    const leadState = leadTaskState(state);
    const before = previous.find((t) => t.unitId === lead.unitId);
    const cameBack =
      leadState === 'in-progress' &&
      (event.type === 'CaseReplySentBack' ||
        (event.type === 'CaseReturned' && event.data.returnedToUnitId === lead.unitId) ||
        (before?.state === 'in-progress' && before.cameBack));
    current.set(lead.unitId, {
      ...task(lead.unitId, 'lead', leadState, isoZ(lead.signBy), dueAt),
      subDispatchBy: openSubDispatchWindow(state),
      cameBack,
      extensionPending: state.pendingExtension?.unitId === lead.unitId,
    });
  }
  for (const co of state.coHandlers) {
    const coState: TaskState =
      co.status === 'dispatched' ? 'to-sign' : co.status === 'signed' ? 'in-progress' : co.status;
    current.set(co.unitId, task(co.unitId, 'co-handler', coState, isoZ(co.signBy), isoZ(co.dueAt)));
  }
  const finished = FINISHED_CASE.has(state.status);
  const tasks = [...current.values()].map((t) =>
    finished && ACTIVE_TASK_STATES.includes(t.state)
      ? { ...t, state: 'done' as const, subDispatchBy: null, cameBack: false }
      : t,
  );
  const returnedBy = event.type === 'CaseReturned' ? event.data.unitId : undefined;
  for (const old of previous) {
    if (current.has(old.unitId)) continue;
    if (!ACTIVE_TASK_STATES.includes(old.state)) {
      tasks.push(old);
      continue;
    }
    // A sub-unit that returned the case leaves it; any other unit that left was replaced.
    const state: TaskState = old.unitId === returnedBy ? 'returned' : finished ? 'done' : 'reassigned';
    tasks.push({ ...old, state, subDispatchBy: null, cameBack: false, extensionPending: false });
  }
  return tasks;
}

/** The lead's sub-dispatch window while the case is being handled at a district office. */
export function openSubDispatchWindow(state: CaseRecord): string | null {
  const by = state.lead?.subDispatchBy;
  const handling = state.status === 'dispatched' || state.status === 'signed';
  return by !== undefined && handling ? isoZ(by) : null;
}

function leadTaskState(state: CaseRecord): TaskState {
  const status = state.lead?.status;
  switch (status) {
    case 'dispatched':
      return 'to-sign';
    case 'returned':
      return 'returned';
    case 'signed':
    case undefined:
      return state.status === 'replied' ? 'replied' : 'in-progress';
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}

const task = (
  unitId: string,
  role: UnitTask['role'],
  state: TaskState,
  signBy: string | null,
  dueAt: string | null,
): UnitTask => ({
  unitId,
  role,
  state,
  signBy,
  dueAt,
  subDispatchBy: null,
  cameBack: false,
  extensionPending: false,
});

/** The tasks that differ from before: only those are written. */
export function changedTasks(previous: readonly UnitTask[], next: readonly UnitTask[]): UnitTask[] {
  const before = new Map(previous.map((t) => [t.unitId, JSON.stringify(t)]));
  return next.filter((t) => before.get(t.unitId) !== JSON.stringify(t));
}
