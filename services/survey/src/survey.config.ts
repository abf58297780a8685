import { z } from 'zod';
import { CaseChannel, CaseType, type CallbackMethod } from '@hotline/contracts';
import { envBool, envInt, secret } from '@hotline/infra/config';

/** Parses `key=method,key=method` (keys of `keys`, methods desk, sms, ivr); the problems, if any. */
export function parseMethodTable<K extends string>(
  text: string,
  keys: readonly K[],
): { table: Partial<Record<K, CallbackMethod>>; problems: string[] } {
  const table: Partial<Record<K, CallbackMethod>> = {};
  const problems: string[] = [];
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key = '', method = ''] = pair.split('=').map((s) => s.trim());
    if (!keys.includes(key as K)) problems.push(`"${key}" is not one of ${keys.join(', ')}`);
    else if (method !== 'desk' && method !== 'sms' && method !== 'ivr')
      problems.push(`"${pair}" must name desk, sms or ivr`);
    else table[key as K] = method;
  }
  return { table, problems };
}

/** A `key=method,…` setting, checked at boot; the module parses it with `parseMethodTable`. */
const methodTable = <K extends string>(keys: readonly K[]) =>
  z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      for (const message of parseMethodTable(text, keys).problems) ctx.addIssue({ code: 'custom', message });
    });

const envShare = () =>
  z
    .string()
    .trim()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a number from 0 to 1')
    .transform(Number)
    .pipe(z.number().min(0).max(1));

/** Parses `unitId=share,…`: a unit's own audit share; the problems, if any. */
export function parseShareTable(text: string): { table: Record<string, number>; problems: string[] } {
  const table: Record<string, number> = {};
  const problems: string[] = [];
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [unit = '', share = ''] = pair.split('=').map((s) => s.trim());
    if (!unit || !/^(0(\.\d+)?|1(\.0+)?)$/.test(share))
      problems.push(`"${pair}" must be unitId=share with a share from 0 to 1`);
    else table[unit] = Number(share);
  }
  return { table, problems };
}

const shareTable = () =>
  z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      for (const message of parseShareTable(text).problems) ctx.addIssue({ code: 'custom', message });
    });

/** The survey service's own settings (the platform's are in platformConfigSchema). */
export const surveyConfigSchema = z.object({
  SURVEY_METHOD_BY_TYPE: methodTable(CaseType.options)
    .default('complaint=desk,report=desk,help=desk,consult=sms,suggestion=sms,praise=sms')
    .describe('How a completed case is called back, per case type (desk, sms or ivr)'),
  SURVEY_METHOD_BY_CHANNEL: methodTable(CaseChannel.options)
    .default('web=sms,app=sms,wechat=sms,sms=sms')
    .describe("Per channel; wins over the type's rule (an SMS never goes to a landline)"),
  SURVEY_MAX_ATTEMPTS: envInt({ min: 1, max: 10 })
    .default(3)
    .describe('Attempts that reach nobody before the citizen is unreachable'),
  SURVEY_RETRY_MINUTES: envInt({ min: 1, max: 10_080 })
    .default(120)
    .describe('How long after a failed attempt (no answer, busy, an expired link) the next is due'),
  SURVEY_LINK_VALID_HOURS: envInt({ min: 1, max: 720 })
    .default(72)
    .describe('How long the signed SMS survey link stays valid'),
  SURVEY_LINK_SECRET: secret(z.string().min(16))
    .default('hotline-demo-survey-link-secret')
    .describe('Key that signs SMS survey links (HMAC); set your own outside the demo'),
  SURVEY_LINK_BASE_URL: z
    .string()
    .trim()
    .default('/s/')
    .describe('What the SMS link starts with; the signed token follows'),
  SURVEY_SMS_MAX_TRIES: envInt({ min: 1, max: 10 })
    .default(3)
    .describe(
      'Tries of the SMS carrying a survey link (through intake’s SMSC) before the task falls back to SURVEY_SMS_FALLBACK',
    ),
  SURVEY_SMS_RETRY_MINUTES: envInt({ min: 1, max: 1_440 })
    .default(5)
    .describe('Wait after the first failed SMS try; doubled after each one'),
  SURVEY_SMS_FALLBACK: z
    .enum(['desk', 'ivr'])
    .default('desk')
    .describe(
      'How a task is called back when its SMS failed every try or the number texted TD: an agent (desk) or the IVR',
    ),
  SURVEY_AUDIT_SHARE: envShare()
    .default(0.05)
    .describe('Share of closed cases drawn for a random audit callback, per unit'),
  SURVEY_AUDIT_SHARE_BY_UNIT: shareTable().default('').describe('A unit’s own audit share: unitId=share,…'),
  SURVEY_AUDIT_SEED: z
    .string()
    .trim()
    .min(1)
    .default('hotline-audit')
    .describe('Seed of the audit draw: the same seed draws the same cases'),
  SURVEY_DUE_RUNNER: envBool()
    .default(true)
    .describe('Send due SMS links and IVR survey calls; every instance may, each task is sent once'),
  SURVEY_DUE_POLL_SECONDS: envInt({ min: 1, max: 3_600 })
    .default(30)
    .describe('How often due SMS and IVR tasks are looked for'),
  SURVEY_POLL_IVR_RUNNER: envBool()
    .default(true)
    .describe('Let this instance call the numbers of the poll rounds the center set the IVR robot on'),
  SURVEY_POLL_IVR_MAX_CALLS: envInt({ min: 1, max: 200 })
    .default(4)
    .describe(
      'The IVR poll robot’s calls under way at once (all rounds); keep within the dialer’s SIPAPP_OUTBOUND_MAX_CALLS',
    ),
  SURVEY_POLL_IVR_RETRY_MINUTES: envInt({ min: 1, max: 10_080 })
    .default(120)
    .describe(
      'How long after the robot’s call reached nobody (no answer, busy, declined) it calls the number again',
    ),
  SURVEY_POLL_IVR_POLL_SECONDS: envInt({ min: 1, max: 3_600 })
    .default(10)
    .describe('How often the IVR poll robot looks for numbers to call'),
});
export type SurveyConfig = z.infer<typeof surveyConfigSchema>;
