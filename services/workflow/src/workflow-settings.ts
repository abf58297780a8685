import { readFileSync } from 'node:fs';
import {
  CalendarData,
  CategoryTaxonomy,
  DEFAULT_CASE_NUMBER_FORMAT,
  DEFAULT_DEADLINE_POLICY,
  SAMPLE_CATEGORIES,
  chinaWorkingCalendar,
  resolveDeadlinePolicy,
  type CaseNumberFormat,
  type DeadlinePolicy,
  type WorkingCalendar,
} from '@hotline/contracts';
import { ConfigError } from '@hotline/infra/config';
import { DEFAULT_CASE_RULES, type CaseRules } from './case/domain';
import type { WorkflowConfig } from './workflow.config';

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

type CalendarFileVariable = 'WORKFLOW_CALENDAR_OVERRIDES_PATH' | 'WORKFLOW_CALENDAR_NOTICES_PATH';

/** A calendar file, validated; a missing or malformed file stops the service naming the variable. */
function calendarFile(
  variable: CalendarFileVariable,
  path: string | undefined,
  readFile: (path: string) => string,
): CalendarData | undefined {
  if (path === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFile(path));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'is not valid JSON' : 'cannot be read';
    throw new ConfigError('workflow', [{ variable, reason: `${reason} (${path})` }]);
  }
  const parsed = CalendarData.safeParse(json);
  if (!parsed.success) {
    const reason = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError('workflow', [{ variable, reason: `${path}: ${reason}` }]);
  }
  return parsed.data;
}

/** The settings a validated `WorkflowConfig` describes: China's calendar with the city's overrides. */
export function workflowSettingsFromConfig(
  config: WorkflowConfig,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): WorkflowSettings {
  const calendar = chinaWorkingCalendar({
    overrides: calendarFile(
      'WORKFLOW_CALENDAR_OVERRIDES_PATH',
      config.WORKFLOW_CALENDAR_OVERRIDES_PATH,
      readFile,
    ),
    notices: calendarFile('WORKFLOW_CALENDAR_NOTICES_PATH', config.WORKFLOW_CALENDAR_NOTICES_PATH, readFile),
  });
  const deadlines = resolveDeadlinePolicy({
    limits: {
      consult: config.WORKFLOW_LIMIT_CONSULT,
      complaint: config.WORKFLOW_LIMIT_COMPLAINT,
      report: config.WORKFLOW_LIMIT_REPORT,
      suggestion: config.WORKFLOW_LIMIT_SUGGESTION,
      help: config.WORKFLOW_LIMIT_HELP,
      praise: config.WORKFLOW_LIMIT_PRAISE,
    },
    convenienceListComplaint: config.WORKFLOW_LIMIT_CONVENIENCE_COMPLAINT,
    urgentOrSimple: config.WORKFLOW_LIMIT_URGENT_OR_SIMPLE,
    dispatchWithin: config.WORKFLOW_DISPATCH_WITHIN_DAYS,
    signWithin: config.WORKFLOW_SIGN_WITHIN_DAYS,
    returnWithin: config.WORKFLOW_RETURN_WITHIN_DAYS,
    coHandlerLeadTime: config.WORKFLOW_CO_HANDLER_LEAD_DAYS,
    extensionNoticeAtLeast: config.WORKFLOW_EXTENSION_NOTICE_DAYS,
    yellowWithin: config.WORKFLOW_YELLOW_WITHIN_DAYS,
    extensionMaxShareOfLimit: config.WORKFLOW_EXTENSION_MAX_SHARE,
    subDispatchWithinHours: config.WORKFLOW_SUB_DISPATCH_WITHIN_HOURS,
    subDispatchYellowWithinHours: config.WORKFLOW_SUB_DISPATCH_YELLOW_HOURS,
  });
  return defaultWorkflowSettings({
    calendar,
    deadlines,
    rules: {
      fallbackAfterReturns: config.WORKFLOW_FALLBACK_AFTER_RETURNS,
      redosBeforeClosingDissatisfied: config.WORKFLOW_REDOS_BEFORE_CLOSING_DISSATISFIED,
      supervisedRedoFrom: config.WORKFLOW_SUPERVISED_REDO_FROM,
    },
    readAfterWriteTimeoutMs: config.WORKFLOW_READ_AFTER_WRITE_TIMEOUT_MS,
  });
}
