import { z } from 'zod';
import { DistrictId } from '@hotline/contracts';
import { envBool, envInt, envPort, envUrl, secret } from '@hotline/infra/config';

const envRatio = () =>
  z
    .string()
    .trim()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a number from 0 to 1')
    .transform(Number);

/** The intake service's own settings (the platform's are in platformConfigSchema). */
export const intakeConfigSchema = z.object({
  INTAKE_DISTRICT: DistrictId.default('city').describe(
    'District recorded on contacts that arrive through the channels (SMTP, SMS, WeChat); a district platform sets its own',
  ),
  INTAKE_DICTIONARY_PATH: z
    .string()
    .optional()
    .describe(
      "The city's classification dictionary (JSON); default: the sample city's, shipped with the service",
    ),
  INTAKE_CLASSIFIER: z
    .enum(['learned', 'rules'])
    .default('learned')
    .describe(
      "learned: the classifier trained on the shipped corpus and the city's history, the dictionary's rules among its features; rules: the dictionary alone",
    ),
  INTAKE_CLASSIFIER_RETRAIN_HOURS: envInt({ min: 0, max: 24 * 90 })
    .default(24)
    .describe(
      "Hours between retrainings of the learned classifier on the city's history; 0: only at start and on demand",
    ),
  INTAKE_CLASSIFIER_HISTORY_CASES: envInt({ min: 0, max: 5_000_000 })
    .default(50_000)
    .describe(
      'How many of the newest registered cases the learned classifier learns from (about 2 KB of memory each while it trains)',
    ),
  INTAKE_AUTO_REGISTER: envBool()
    .default(true)
    .describe('Register a case without an agent when a self-service contact is classified clearly'),
  INTAKE_DUPLICATE_SUGGEST_SCORE: envRatio()
    .default(0.5)
    .describe('Least duplicate score for a case to be suggested'),
  INTAKE_DUPLICATE_AUTO_MERGE_SCORE: envRatio()
    .default(0.6)
    .describe("Least duplicate score to merge a web or SMS contact into the same caller's open case"),
  INTAKE_DUPLICATE_WINDOW_DAYS: envInt({ min: 1, max: 365 })
    .default(30)
    .describe("How far back the same caller's cases count as possible repeats"),
  INTAKE_FLOOD_MAX_PER_WINDOW: envInt({ min: 1, max: 10_000 })
    .default(10)
    .describe('Messages one sender may send within the flood window before the next are quarantined'),
  INTAKE_FLOOD_WINDOW_SECONDS: envInt({ min: 1, max: 86_400 }).default(600).describe('The flood window'),
  INTAKE_SEED_KNOWLEDGE: envBool()
    .default(true)
    .describe('Write and approve the demo knowledge articles at start (idempotent)'),
  INTAKE_ATTACHMENTS_DIR: z
    .string()
    .optional()
    .describe('Where attachments of mail are kept; default <HOTLINE_DATA_DIR>/attachments'),
  INTAKE_MAX_ATTACHMENT_BYTES: envInt({ min: 1, max: 200 * 1024 * 1024 })
    .default(20 * 1024 * 1024)
    .describe('Largest attachment kept; a larger one is refused and the contact quarantined'),
  INTAKE_SMTP_PORT: envPort()
    .optional()
    .describe('Port of the inbound SMTP listener; unset: no mail channel'),
  INTAKE_SMTP_HOST: z.string().default('0.0.0.0').describe('Address the SMTP listener binds to'),
  INTAKE_SMTP_MAX_MESSAGE_BYTES: envInt({ min: 1024, max: 200 * 1024 * 1024 })
    .default(30 * 1024 * 1024)
    .describe('Largest mail accepted (the SMTP SIZE limit)'),
  INTAKE_MAIL_RECIPIENTS: z
    .string()
    .optional()
    .describe(
      'Comma-separated addresses the hotline receives mail for, e.g. 12345@example.gov.cn; unset: any',
    ),
  INTAKE_MAYOR_MAILBOX: z
    .email()
    .optional()
    .describe("The mayor's mailbox address (市长信箱): mail to it is recorded as a mayor's-mailbox contact"),
  INTAKE_MAIL_RELAY_URL: secret(envUrl(['smtp', 'smtps']))
    .optional()
    .describe(
      'SMTP relay the replies to mail and the staff notices (reminders to units) go out through (smtp://user:pass@host:587); unset: neither is sent',
    ),
  INTAKE_MAIL_FROM: z
    .string()
    .default('12345 <noreply@hotline.localhost>')
    .describe('Sender of the replies to mail'),
  INTAKE_SMPP_URL: envUrl(['smpp', 'ssmpp'])
    .optional()
    .describe("The operator's SMSC the SMS channel binds to (smpp://host:2775); unset: no SMPP channel"),
  INTAKE_SMPP_SYSTEM_ID: z.string().max(16).default('hotline').describe('SMPP system_id of the bind'),
  INTAKE_SMPP_PASSWORD: secret(z.string().max(9)).optional().describe('SMPP password of the bind'),
  INTAKE_SMS_SERVICE_NUMBER: z
    .string()
    .regex(/^\d{3,21}$/, 'must be digits')
    .default('12345')
    .describe('The number replies are sent from'),
  INTAKE_SMS_NOTICES: envBool()
    .default(true)
    .describe(
      'Tell citizens of SMS and web cases by SMS when their case is registered, signed, completed and closed (needs INTAKE_SMPP_URL)',
    ),
  INTAKE_NOTICE_QUIET_FROM_HOUR: envInt({ min: 0, max: 23 })
    .default(22)
    .describe(
      'Beijing hour from which notices other than the case number, and survey SMS, wait (quiet hours)',
    ),
  INTAKE_NOTICE_QUIET_TO_HOUR: envInt({ min: 0, max: 23 })
    .default(8)
    .describe('Beijing hour at which the quiet hours end and the held notices go out'),
  INTAKE_CHANNELS_HTTP_PORT: envPort()
    .optional()
    .describe('Port of the channel webhooks (SMS webhook, WeChat push); unset: no webhooks'),
  INTAKE_CHANNELS_HTTP_HOST: z.string().default('0.0.0.0').describe('Address the channel webhooks bind to'),
  INTAKE_SMS_WEBHOOK_TOKEN: secret(z.string().min(16))
    .optional()
    .describe('Shared secret of the SMS webhook (HMAC-SHA256 of the body); unset: the SMS webhook is off'),
  INTAKE_WECHAT_TOKEN: secret(z.string().regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3-32 letters or digits'))
    .optional()
    .describe('Token of the WeChat official account push configuration; unset: the WeChat webhook is off'),
  INTAKE_WECHAT_ENCODING_AES_KEY: secret(
    z.string().regex(/^[A-Za-z0-9+/]{43}$/, 'must be the 43-character EncodingAESKey of the account'),
  )
    .optional()
    .describe(
      'EncodingAESKey of the official account, for the safe (encrypted) and compatible modes; needs INTAKE_WECHAT_APP_ID',
    ),
  INTAKE_WECHAT_APP_ID: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be the AppID of the account (wx…)')
    .optional()
    .describe('AppID of the official account: encrypted pushes for another AppID are refused'),
  INTAKE_WECHAT_MAX_AGE_SECONDS: envInt({ min: 10, max: 3600 })
    .default(300)
    .describe('Oldest WeChat push timestamp accepted (replay protection)'),
});

export type IntakeConfig = z.infer<typeof intakeConfigSchema>;
