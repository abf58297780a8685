import {
  CategoryTaxonomy,
  DEFAULT_CASE_NUMBER_FORMAT,
  DEFAULT_DEADLINE_POLICY,
  SAMPLE_CATEGORIES,
  chinaWorkingCalendar,
  type CaseNumberFormat,
  type DeadlinePolicy,
  type WorkingCalendar,
} from '@hotline/contracts';
import { DEFAULT_CASE_RULES, type CaseRules } from './case';

/** A city's workflow configuration: calendar, limits, rules, taxonomy and case numbers. */
export interface WorkflowSettings {
  calendar: WorkingCalendar;
  deadlines: DeadlinePolicy;
  rules: CaseRules;
  taxonomy: CategoryTaxonomy;
  caseNumbers: CaseNumberFormat;
  /** How long a query with `minPosition` waits for the read models before answering "not yet". */
  readAfterWriteTimeoutMs: number;
}

/** China's calendar, Fujian's limits (DOMAIN.md), the sample taxonomy, 8-digit case numbers. */
export const defaultWorkflowSettings = (overrides: Partial<WorkflowSettings> = {}): WorkflowSettings => ({
  calendar: chinaWorkingCalendar(),
  deadlines: DEFAULT_DEADLINE_POLICY,
  rules: DEFAULT_CASE_RULES,
  taxonomy: new CategoryTaxonomy(SAMPLE_CATEGORIES),
  caseNumbers: DEFAULT_CASE_NUMBER_FORMAT,
  readAfterWriteTimeoutMs: 3_000,
  ...overrides,
});
