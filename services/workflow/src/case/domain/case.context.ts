import type { CategoryTaxonomy, DeadlinePolicy, UnitDirectory, WorkingCalendar } from '@hotline/contracts';
import type { DecideContext } from '@hotline/infra/command';

/** Case rules that are not deadlines, configured per city. */
export interface CaseRules {
  /** Returns to the center after which the case may go to a fallback unit. */
  fallbackAfterReturns: number;
  /** A dissatisfied case whose unit is at fault cannot be closed before this many redos. */
  redosBeforeClosingDissatisfied: number;
  /** The redo from which on the case is under supervision (DOMAIN.md: dissatisfied again → the second). */
  supervisedRedoFrom: number;
}

export const DEFAULT_CASE_RULES: CaseRules = {
  fallbackAfterReturns: 2,
  redosBeforeClosingDissatisfied: 2,
  supervisedRedoFrom: 2,
};

/** What the case's rules look up besides the command, the state and the `DecideContext`: configuration and snapshots. */
export interface CaseLookups {
  calendar: WorkingCalendar;
  deadlines: DeadlinePolicy;
  rules: CaseRules;
  /** A snapshot of the handling units, for dispatch checks and sub-dispatch authorisation. */
  units: UnitDirectory;
  taxonomy: CategoryTaxonomy;
  /** Categories the city retired: no new cases in them or under them. */
  retiredCategories?: readonly string[];
  /** The number the handler allocated for a RegisterCase command. */
  caseNumber?: string;
}

/** Everything `decide` needs besides the command and the state: time, who, configuration, lookups. */
export type CaseContext = DecideContext & CaseLookups;
