import { z } from 'zod';
import { defineEvent } from '../messages/define';
import { personal } from '../messages/personal-data';
import { CallbackRatings } from '../workflow/case-reasons';
import { CaseChannel, CaseId, CaseType, CategoryCode, IsoDateTime, UnitId } from '../workflow/case.values';
import { CanonicalPhoneNumber } from '../workflow/citizen';
import { CaseNumber } from '../kernel/case-number';
import {
  AttemptFailure,
  CALLBACK_TASK_CATEGORY,
  CallbackMethod,
  CallbackSmsFailure,
  CallbackTaskId,
  CallbackTaskKind,
  CallbackWaiverReason,
  SurveyComment,
} from './survey.values';

const event = <T extends string, S extends z.ZodType>(type: T, summary: string, schema: S) =>
  defineEvent({ type, version: 1, category: CALLBACK_TASK_CATEGORY, summary, schema });

export const CallbackTaskScheduled = event(
  'CallbackTaskScheduled',
  'A callback is planned: the case, the unit that replied, the method and when it is due.',
  z.object({
    taskId: CallbackTaskId,
    caseId: CaseId,
    caseNumber: CaseNumber,
    kind: CallbackTaskKind,
    method: CallbackMethod,
    dueAt: IsoDateTime,
    maxAttempts: z.number().int().min(1).max(10),
    caseType: CaseType,
    caseChannel: CaseChannel,
    categoryCode: CategoryCode,
    /** The lead unit that replied: the unit a dissatisfied answer is about. */
    unitId: UnitId.optional(),
    phone: personal(CanonicalPhoneNumber).optional(),
    /** 1 for the first completion of the case, 2 after one redo, … */
    round: z.number().int().min(1),
  }),
);

export const CallbackSurveyLinkIssued = event(
  'CallbackSurveyLinkIssued',
  'An SMS with a signed survey link is to be sent to the citizen; the link is valid until `expiresAt`.',
  z.object({ taskId: CallbackTaskId, caseId: CaseId, expiresAt: IsoDateTime }),
);

export const CallbackSmsSent = event(
  'CallbackSmsSent',
  "The SMSC accepted the SMS with the task's survey link (短信已发送).",
  z.object({
    taskId: CallbackTaskId,
    caseId: CaseId,
    attempt: z.number().int().min(1),
    parts: z.number().int().min(1).max(10),
  }),
);

export const CallbackSmsDeferred = event(
  'CallbackSmsDeferred',
  'The SMS with the survey link waits for the end of the quiet hours (no SMS at night).',
  z.object({
    taskId: CallbackTaskId,
    caseId: CaseId,
    attempt: z.number().int().min(1),
    notBefore: IsoDateTime,
  }),
);

export const CallbackSmsFailed = event(
  'CallbackSmsFailed',
  'The SMS with the survey link did not go out (发送失败): tried again at `retryAt`, or after the last try the task goes to `fallback`.',
  z.object({
    taskId: CallbackTaskId,
    caseId: CaseId,
    attempt: z.number().int().min(1),
    /** The tries of this link's SMS so far, this one included. */
    tries: z.number().int().min(1),
    reason: CallbackSmsFailure,
    retryAt: IsoDateTime.optional(),
    /** The method the task falls back to after the last try (then due at once). */
    fallback: CallbackMethod.optional(),
  }),
);

export const CallbackSurveyCallRequested = event(
  'CallbackSurveyCallRequested',
  'The IVR is asked to call the citizen with the automated survey (sipapp outbound).',
  z.object({ taskId: CallbackTaskId, caseId: CaseId, attempt: z.number().int().min(1) }),
);

export const CallbackAttemptFailed = event(
  'CallbackAttemptFailed',
  'An attempt reached nobody.',
  z.object({
    taskId: CallbackTaskId,
    caseId: CaseId,
    method: CallbackMethod,
    failure: AttemptFailure,
    attempt: z.number().int().min(1),
    /** When the next attempt is due (absent after the last one). */
    retryAt: IsoDateTime.optional(),
  }),
);

export const CallbackTaskAnswered = event(
  'CallbackTaskAnswered',
  'The citizen answered: ratings on efficiency, attitude and result, and free text.',
  z.object({
    taskId: CallbackTaskId,
    caseId: CaseId,
    kind: CallbackTaskKind,
    method: CallbackMethod,
    ratings: CallbackRatings,
    dissatisfied: z.boolean(),
    /** Known when the agent judged it; undefined while the center still has to (`faultReviewNeeded`). */
    unitAtFault: z.boolean().optional(),
    faultReviewNeeded: z.boolean(),
    comment: SurveyComment.optional(),
    recordingId: z.string().optional(),
    callId: z.string().optional(),
    fromCase: z.boolean(),
  }),
);

export const CallbackFaultJudged = event(
  'CallbackFaultJudged',
  'The center judged whether the dissatisfied answer is the unit’s fault.',
  z.object({ taskId: CallbackTaskId, caseId: CaseId, unitAtFault: z.boolean() }),
);

export const CallbackTaskUnreachable = event(
  'CallbackTaskUnreachable',
  'The citizen could not be reached after the allowed attempts.',
  z.object({
    taskId: CallbackTaskId,
    caseId: CaseId,
    kind: CallbackTaskKind,
    attempts: z.number().int().min(0),
    fromCase: z.boolean(),
  }),
);

export const CallbackTaskWaived = event(
  'CallbackTaskWaived',
  'The task ended without asking (the citizen opted out, or there is no number).',
  z.object({ taskId: CallbackTaskId, caseId: CaseId, kind: CallbackTaskKind, reason: CallbackWaiverReason }),
);

export const CallbackAuditDisagreed = event(
  'CallbackAuditDisagreed',
  'A random audit callback disagrees with what the unit reported: a flag for supervision (督办).',
  z.object({
    taskId: CallbackTaskId,
    caseId: CaseId,
    unitId: UnitId.optional(),
    ratings: CallbackRatings,
    comment: SurveyComment.optional(),
  }),
);

export const callbackTaskEvents = [
  CallbackTaskScheduled,
  CallbackSurveyLinkIssued,
  CallbackSmsSent,
  CallbackSmsDeferred,
  CallbackSmsFailed,
  CallbackSurveyCallRequested,
  CallbackAttemptFailed,
  CallbackTaskAnswered,
  CallbackFaultJudged,
  CallbackTaskUnreachable,
  CallbackTaskWaived,
  CallbackAuditDisagreed,
] as const;
