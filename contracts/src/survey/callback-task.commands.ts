import { z } from 'zod';
import { defineCommand } from '../messages/define';
import { CallbackRatings } from '../workflow/case-reasons';
import { CaseId, IsoDateTime, Note } from '../workflow/case.values';
import {
  AttemptFailure,
  CallbackMethod,
  CallbackSmsFailure,
  CallbackTaskId,
  CallbackTaskKind,
  CallbackWaiverReason,
  SURVEY_SERVICE,
  SurveyComment,
} from './survey.values';

const command = <T extends string, S extends z.ZodType>(type: T, summary: string, schema: S) =>
  defineCommand({ type, service: SURVEY_SERVICE, summary, schema });

export const ScheduleCallbackTask = command(
  'ScheduleCallbackTask',
  'Plan a callback (回访) of a case: after completion (routine), as a random audit of a closed case, or added by the center. The case facts, the method and the due time come from the case and the rules unless given.',
  z.object({
    taskId: CallbackTaskId,
    caseId: CaseId,
    kind: CallbackTaskKind,
    /** Default: the rule for the case's type and channel. */
    method: CallbackMethod.optional(),
    /** Default: the start of the next working day after the case completed (or now, for the center). */
    dueAt: IsoDateTime.optional(),
  }),
);

export const IssueCallbackSurveyLink = command(
  'IssueCallbackSurveyLink',
  'Send the citizen an SMS with a short signed link to the survey page; the link expires.',
  z.object({ taskId: CallbackTaskId }),
);

export const RecordCallbackSms = command(
  'RecordCallbackSms',
  "What became of the SMS carrying a task's survey link (intake's SMSC): sent, held by the quiet hours, or failed; the last failure hands the task to the fallback method.",
  z.discriminatedUnion('outcome', [
    z.object({
      taskId: CallbackTaskId,
      outcome: z.literal('sent'),
      parts: z.number().int().min(1).max(10),
    }),
    z.object({ taskId: CallbackTaskId, outcome: z.literal('deferred'), notBefore: IsoDateTime }),
    z.object({ taskId: CallbackTaskId, outcome: z.literal('failed'), reason: CallbackSmsFailure }),
  ]),
);

export const RequestCallbackSurveyCall = command(
  'RequestCallbackSurveyCall',
  'Ask the IVR (sipapp outbound) to call the citizen with the automated survey.',
  z.object({ taskId: CallbackTaskId }),
);

export const RecordCallbackAttempt = command(
  'RecordCallbackAttempt',
  'An attempt reached nobody; after the configured number of attempts the citizen is unreachable.',
  z.object({
    taskId: CallbackTaskId,
    method: CallbackMethod,
    failure: AttemptFailure,
    note: Note.optional(),
  }),
);

export const AnswerCallbackTask = command(
  'AnswerCallbackTask',
  "Record the citizen's answer: efficiency, attitude and result, and free text. A second answer changes nothing.",
  z.object({
    taskId: CallbackTaskId,
    method: CallbackMethod,
    ratings: CallbackRatings,
    /** Whether a dissatisfied result is the unit's fault; without it the center judges (SMS, IVR). */
    unitAtFault: z.boolean().optional(),
    comment: SurveyComment.optional(),
    /** The recording of the call, when there was one. */
    recordingId: z.string().trim().min(1).max(200).optional(),
    /** The automated survey call that took the answer (its outbound call's id), for the IVR method. */
    callId: z.string().trim().min(1).max(200).optional(),
    /** The answer was recorded on the case itself (the desk's manual callback): not sent back to it. */
    fromCase: z.boolean().default(false),
  }),
);

export const AnswerCallbackSurvey = command(
  'AnswerCallbackSurvey',
  "The citizen's answer through the signed SMS link. A forged or expired link is refused and nothing is recorded.",
  z.object({
    token: z.string().trim().min(10).max(200),
    ratings: CallbackRatings,
    comment: SurveyComment.optional(),
    /** The citizen asks not to be surveyed again. */
    optOut: z.boolean().default(false),
  }),
);

export const JudgeCallbackFault = command(
  'JudgeCallbackFault',
  'The center judges whether a dissatisfied answer is the unit’s fault (only then is the case redone).',
  z.object({ taskId: CallbackTaskId, unitAtFault: z.boolean(), note: Note.optional() }),
);

export const MarkCallbackTaskUnreachable = command(
  'MarkCallbackTaskUnreachable',
  'The citizen could not be reached (recorded on the case by the desk, or decided by the center).',
  z.object({ taskId: CallbackTaskId, fromCase: z.boolean().default(false), note: Note.optional() }),
);

export const WaiveCallbackTask = command(
  'WaiveCallbackTask',
  'End a task without asking: the citizen opted out or gave no number.',
  z.object({ taskId: CallbackTaskId, reason: CallbackWaiverReason }),
);

export const callbackTaskCommands = [
  ScheduleCallbackTask,
  IssueCallbackSurveyLink,
  RecordCallbackSms,
  RequestCallbackSurveyCall,
  RecordCallbackAttempt,
  AnswerCallbackTask,
  JudgeCallbackFault,
  MarkCallbackTaskUnreachable,
  WaiveCallbackTask,
] as const;
