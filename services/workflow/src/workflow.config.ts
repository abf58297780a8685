import { z } from 'zod';
import { envInt } from '@hotline/infra/config';

/** Working days as an operator writes them: a whole or half number (`2`, `0.5`, `10.5`). */
const envWorkingDays = (max = 365) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.[05]0*)?$/, 'must be a number of working days in steps of 0.5 (e.g. 2, 0.5, 10.5)')
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max}`));

const envHours = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'must be a number of hours')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const envShare = () =>
  z
    .string()
    .trim()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a number from 0 to 1')
    .transform(Number)
    .pipe(z.number().positive('must be more than 0'));

const limit = (type: string, fallback: string) =>
  envWorkingDays()
    .default(Number(fallback))
    .describe(`Handling limit of a ${type} case, in working days from dispatch (steps of 0.5)`);

/**
 * The workflow service's own settings (the platform's are in platformConfigSchema): a city's
 * deadlines, rules and calendar. Defaults are Fujian's limits from DOMAIN.md.
 */
export const workflowConfigSchema = z.object({
  WORKFLOW_LIMIT_CONSULT: limit('consult (咨询)', '2'),
  WORKFLOW_LIMIT_COMPLAINT: limit('complaint (投诉)', '10'),
  WORKFLOW_LIMIT_REPORT: limit('report (举报)', '15'),
  WORKFLOW_LIMIT_SUGGESTION: limit('suggestion (建议)', '5'),
  WORKFLOW_LIMIT_HELP: limit('help (求助)', '3'),
  WORKFLOW_LIMIT_PRAISE: limit('praise (表扬)', '5'),
  WORKFLOW_LIMIT_CONVENIENCE_COMPLAINT: envWorkingDays()
    .default(3)
    .describe("Handling limit of a complaint about an item of the city's convenience list (便民清单)"),
  WORKFLOW_LIMIT_URGENT_OR_SIMPLE: envWorkingDays()
    .default(0)
    .describe('Handling limit of urgent or simple cases of any type; 0 means the same working day'),
  WORKFLOW_DISPATCH_WITHIN_DAYS: envWorkingDays()
    .default(1)
    .describe('From registration to dispatch, in working days (urgent cases: the same day)'),
  WORKFLOW_SIGN_WITHIN_DAYS: envWorkingDays()
    .default(1)
    .describe('From dispatch to signing (签收), in working days'),
  WORKFLOW_RETURN_WITHIN_DAYS: envWorkingDays()
    .default(1)
    .describe('From dispatch, how long a unit may return the case (退单), in working days'),
  WORKFLOW_CO_HANDLER_LEAD_DAYS: envWorkingDays()
    .default(1)
    .describe("How long before the lead's deadline co-handlers reply by default, in working days"),
  WORKFLOW_YELLOW_WITHIN_DAYS: envWorkingDays()
    .default(1)
    .describe('A case turns yellow when at most this much working time is left'),
  WORKFLOW_SUB_DISPATCH_WITHIN_HOURS: envHours(1, 72)
    .default(12)
    .describe(
      'A district office passes a case to its own sub-units within this many clock hours of receiving it',
    ),
  WORKFLOW_SUB_DISPATCH_YELLOW_HOURS: envHours(0, 72)
    .default(4)
    .describe("The district office's sub-dispatch window turns yellow when at most this many hours are left"),
  WORKFLOW_EXTENSION_NOTICE_DAYS: envWorkingDays()
    .default(0.5)
    .describe('An extension (延期) must be asked at least this long before the deadline, in working days'),
  WORKFLOW_EXTENSION_MAX_SHARE: envShare()
    .default(1)
    .describe('All extensions of one handling add at most this share of the original limit (1: the limit)'),
  WORKFLOW_FALLBACK_AFTER_RETURNS: envInt({ min: 1, max: 20 })
    .default(2)
    .describe('Returns (退单) after which the center may send the case to the fallback unit (兜底单位)'),
  WORKFLOW_SUPERVISED_REDO_FROM: envInt({ min: 1, max: 20 })
    .default(2)
    .describe('The redo (重办) from which on the case is under supervision (督办)'),
  WORKFLOW_REDOS_BEFORE_CLOSING_DISSATISFIED: envInt({ min: 0, max: 20 })
    .default(2)
    .describe('Redos a dissatisfied case with the unit at fault needs before it may be closed'),
  WORKFLOW_CALENDAR_OVERRIDES_PATH: z
    .string()
    .optional()
    .describe(
      'The city\'s own holidays and make-up working days (JSON: {"2026": {"holidays": [...], "workdays": [...]}}), laid over China\'s official 2025-2026 schedules',
    ),
  WORKFLOW_CALENDAR_NOTICES_PATH: z
    .string()
    .optional()
    .describe(
      'State Council holiday notices published after this release (JSON: {"2027": {"holidays": [...], "workdays": [...]}}); each year in it is official and replaces the provisional schedule computed for it',
    ),
  WORKFLOW_READ_AFTER_WRITE_TIMEOUT_MS: envInt({ min: 0, max: 60_000 })
    .default(3_000)
    .describe(
      'How long a query with minPosition waits for the read models before answering READ_MODEL_BEHIND',
    ),
});

export type WorkflowConfig = z.infer<typeof workflowConfigSchema>;
