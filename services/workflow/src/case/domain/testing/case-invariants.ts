import { isSubordinateUnit, type UnitDirectory } from '@hotline/contracts';
import { TERMINAL_STATUSES, type CaseState } from '../case.state';

const HANDLED = ['dispatched', 'returned', 'signed', 'replied', 'completed'] as const;

/**
 * What must hold in every reachable state; returns the broken invariants (none when valid).
 * `previous` is the state before the last command, for the rules about change.
 */
export function caseInvariantViolations(
  state: CaseState,
  previous: CaseState,
  units: UnitDirectory,
  redosBeforeClosingDissatisfied: number,
): string[] {
  const broken: string[] = [];
  const check = (holds: boolean, invariant: string) => {
    if (!holds) broken.push(invariant);
  };
  check(
    !TERMINAL_STATUSES.includes(previous.status as never) || previous.status === state.status,
    'a closed, declined or merged case never changes status',
  );
  if (state.status === 'none') return broken;

  const { lead, coHandlers } = state;
  check(state.status !== 'registered' || lead === undefined, 'a registered case has no lead unit');
  if ((HANDLED as readonly string[]).includes(state.status)) {
    check(
      lead !== undefined && state.dueAt !== undefined && state.limitWorkingDays !== undefined,
      'a handled case has a lead and a deadline',
    );
  }
  const leadStatus = {
    dispatched: 'dispatched',
    returned: 'returned',
    signed: 'signed',
    replied: 'signed',
    completed: 'signed',
  } as const;
  if (state.status in leadStatus) {
    check(
      lead?.status === leadStatus[state.status as keyof typeof leadStatus],
      `the lead's status matches the case status ${state.status}`,
    );
  }
  check(
    state.pendingExtension === undefined ||
      (state.status === 'signed' && state.pendingExtension.unitId === lead?.unitId),
    'only the lead handling a signed case has an extension pending',
  );
  check(
    state.extendedWorkingDays >= 0 && state.extendedWorkingDays <= (state.limitWorkingDays ?? 0) + 1e-9,
    'extensions never add more than the original limit',
  );
  check(state.underSupervision === state.redoCount >= 2, 'the second redo and later ones are supervised');
  const unitIds = [lead?.unitId, ...coHandlers.map((c) => c.unitId)].filter((id) => id !== undefined);
  check(new Set(unitIds).size === unitIds.length, 'the lead and co-handlers are different units');
  check(
    coHandlers.every((c) => state.dueAt !== undefined && c.dueAt <= state.dueAt),
    "co-handlers' deadlines are no later than the lead's",
  );
  if (lead) {
    check(
      !lead.fallback || units[lead.unitId]?.fallback === true,
      'only fallback units hold a case as fallback',
    );
    check(
      lead.superiors.every((s) => isSubordinateUnit(units, s.unitId, lead.unitId)),
      'a sub-dispatched case is held below every unit that passed it down',
    );
  }
  if (previous.status === 'completed' && state.redoCount > previous.redoCount) {
    const before = new Set(previous.coHandlers.map((c) => c.unitId));
    check(
      coHandlers.every((c) => before.has(c.unitId) && c.status === 'dispatched'),
      'a redo re-opens only co-handlers the case had, each to sign again',
    );
  }
  check(
    new Set(state.repeatContactIds).size === state.repeatContactIds.length,
    'a contact counts once as a repeat of the case',
  );
  check(
    state.lastCallback === undefined || state.status === 'completed' || state.status === 'closed',
    'callbacks belong to completed cases',
  );
  check(
    !(state.status === 'closed' && previous.status === 'completed' && state.lastCallback?.redoRequired) ||
      state.redoCount >= redosBeforeClosingDissatisfied,
    'a case whose unit is at fault is redone before it closes',
  );
  return broken;
}
