import { z } from 'zod';
import { ClientId } from '../kernel/ids';
import { defineCommand, defineEvent } from '../messages/define';
import { personal } from '../messages/personal-data';
import { IsoDateTime } from '../workflow/case.values';
import { CanonicalPhoneNumber } from '../workflow/citizen';
import { INTAKE_SERVICE, SURVEY_SMS_CATEGORY } from './intake.values';

/**
 * Chosen by the survey so that a retry names the same SMS: the callback task and its attempt,
 * `<taskId>.<attempt>`. An SMS already sent (or withheld) is never sent again.
 */
export const SurveySmsId = ClientId;

/** The survey's SMS to a citizen: the case and the signed link. Only another service sends it. */
export const SendSurveySms = defineCommand({
  type: 'SendSurveySms',
  service: INTAKE_SERVICE,
  summary:
    "Send a citizen the SMS of a callback survey (its signed link) through the hotline's SMSC, once per SMS id; held in the notices' quiet hours, withheld from a number that texted TD.",
  schema: z.object({
    smsId: SurveySmsId,
    phone: personal(CanonicalPhoneNumber),
    // The link in it is a bearer credential to the citizen's survey page: never logged.
    text: personal(z.string().trim().min(1).max(500)),
  }),
});

/** What became of a `SendSurveySms`: the reply on the bus (the events say the same). */
export const SurveySmsOutcome = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('sent'), parts: z.number().int().min(1).max(10) }),
  z.object({ outcome: z.literal('withheld'), reason: z.literal('opted-out') }),
  /** The quiet hours: nothing is sent or recorded; ask again from `notBefore`. */
  z.object({ outcome: z.literal('deferred'), notBefore: IsoDateTime }),
]);
export type SurveySmsOutcome = z.infer<typeof SurveySmsOutcome>;

/** Neither the number nor the text is kept: the callback task holds both. */
export const SurveySmsSent = defineEvent({
  type: 'SurveySmsSent',
  version: 1,
  category: SURVEY_SMS_CATEGORY,
  summary: 'The SMSC accepted every part of a survey SMS.',
  schema: z.object({ smsId: SurveySmsId, parts: z.number().int().min(1).max(10) }),
});

export const SurveySmsWithheld = defineEvent({
  type: 'SurveySmsWithheld',
  version: 1,
  category: SURVEY_SMS_CATEGORY,
  summary: 'A survey SMS was not sent: the number opted out of SMS from the hotline (TD / 退订).',
  schema: z.object({ smsId: SurveySmsId, reason: z.enum(['opted-out']) }),
});

export const surveySmsCommands = [SendSurveySms] as const;
export const surveySmsEvents = [SurveySmsSent, SurveySmsWithheld] as const;
