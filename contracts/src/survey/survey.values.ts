import { z } from 'zod';
import { ClientId } from '../kernel/ids';
import { freeText } from '../messages/personal-data';

/** The service that owns the survey commands and queries. */
export const SURVEY_SERVICE = 'survey';

/**
 * Stream categories: `callbackTask-<taskId>` (one callback, 回访), `surveyOptOut-<phone>` (a number
 * that asked not to be surveyed), `postCallSurvey-<callId>` (the 1/2/3 after an agent's call).
 */
export const CALLBACK_TASK_CATEGORY = 'callbackTask';
export const SURVEY_OPT_OUT_CATEGORY = 'surveyOptOut';
export const POST_CALL_SURVEY_CATEGORY = 'postCallSurvey';

export const CallbackTaskId = ClientId;

/** How a callback is made: an agent at the desk, an SMS with a signed link, an automated IVR call. */
export const CallbackMethod = z.enum(['desk', 'sms', 'ivr']);
export type CallbackMethod = z.infer<typeof CallbackMethod>;

/**
 * Why the task exists: `routine` after a case completes, `audit` a random check of a closed case
 * (what the unit reported), `center` a case the center added by hand.
 */
export const CallbackTaskKind = z.enum(['routine', 'audit', 'center']);
export type CallbackTaskKind = z.infer<typeof CallbackTaskKind>;

/** Why an attempt reached nobody. */
export const AttemptFailure = z.enum(['no-answer', 'busy', 'switched-off', 'wrong-number', 'sms-expired']);
export type AttemptFailure = z.infer<typeof AttemptFailure>;

/**
 * Why the SMS of a link did not go out: the number texted TD to the hotline (no SMS from it at all),
 * or the SMSC was not there or refused it.
 */
export const CallbackSmsFailure = z.enum(['opted-out', 'smsc-unavailable']);
export type CallbackSmsFailure = z.infer<typeof CallbackSmsFailure>;

/** Why a task ends without asking: the citizen opted out, or gave no number (anonymous). */
export const CallbackWaiverReason = z.enum(['opted-out', 'no-phone']);
export type CallbackWaiverReason = z.infer<typeof CallbackWaiverReason>;

/** The citizen's own words at a callback. */
export const SurveyComment = freeText(z.string().trim().min(1).max(1000));

/** The post-call survey key the caller pressed: 1 satisfied, 2 basically satisfied, 3 dissatisfied. */
export const PostCallScore = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type PostCallScore = z.infer<typeof PostCallScore>;
