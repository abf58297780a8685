import { z } from 'zod';
import { envBool, envInt } from '@hotline/infra/config';

/** The escalation service's own settings (the platform's are in platformConfigSchema). */
export const escalationConfigSchema = z.object({
  ESCALATION_TIMERS: envBool()
    .default(true)
    .describe('Run the deadline timers; every instance may, one firing is kept per due point'),
  ESCALATION_TICK_MS: envInt({ min: 50, max: 1_000 })
    .default(200)
    .describe('How often due points are looked for (a point fires at most this late, plus the append)'),
  ESCALATION_FIRE_CONCURRENCY: envInt({ min: 1, max: 256 })
    .default(32)
    .describe('Due points fired at once when many fall due together'),
  ESCALATION_DUE_SOON_HALF_DAYS: envInt({ min: 0, max: 20 })
    .default(2)
    .describe('The yellow point: this many working half-days before the deadline (2 = one working day)'),
  ESCALATION_FIRST_CONTACT_HALF_DAYS: envInt({ min: 1, max: 20 })
    .default(2)
    .describe('The unit contacts the citizen within this many working half-days of signing'),
  ESCALATION_REMINDER_CHANNELS: z
    .string()
    .regex(
      /^(portal|sms|email|voice)(,(portal|sms|email|voice))*$/,
      'must be a comma-separated list of portal, sms, email, voice',
    )
    .default('portal')
    .describe('Channels reminders go out by besides the unit portal (always): sms, email, voice'),
  ESCALATION_REMINDER_POINTS: z
    .string()
    .regex(/^[a-z-]+(,[a-z-]+)*$/, 'must be a comma-separated list of due points')
    .default('sign-by,due-soon,overdue')
    .describe('Due points at which the unit holding the case is reminded automatically'),
  ESCALATION_DELIVERY_ATTEMPTS: envInt({ min: 1, max: 20 })
    .default(5)
    .describe('Attempts per channel before a reminder shows as undelivered on it'),
  ESCALATION_AUTO_SUPERVISION: envBool()
    .default(true)
    .describe(
      'Open supervision by itself for overdue cases, buck-passing, repeats, dissatisfied redos, instructions',
    ),
  ESCALATION_RECTIFY_HALF_DAYS: envInt({ min: 1, max: 60 })
    .default(6)
    .describe('Rectification deadline of an automatic supervision, in working half-days'),
  ESCALATION_EMERGENCY_REPORT_CATEGORIES: z
    .string()
    .regex(/^(\d{2,6}(,\d{2,6})*)?$/, 'must be a comma-separated list of category codes or their prefixes')
    .default('010303,040201')
    .describe(
      'Emergency (urgent) cases in these categories (code prefixes) are reported to the emergency management office; default gas supply, food safety',
    ),
});
export type EscalationConfig = z.infer<typeof escalationConfigSchema>;
