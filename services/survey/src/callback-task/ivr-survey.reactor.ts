import {
  AnswerCallbackTask,
  CallbackSurveyCallRequested,
  OutboundCallFinished,
  PlaceOutboundCall,
  Rating,
  RecordCallbackAttempt,
  type AttemptFailure,
} from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { EventStore } from '@hotline/infra/event-store';
import type { Reaction, ReactorSpec } from '@hotline/infra/reactor';
import { SURVEY_ACTOR } from './callback-scheduler.reactor';
import { callbackTaskAggregate } from './callback-task.aggregate';
import type { CallbackTaskCommands } from './callback-task-commands';

export const IVR_SURVEY_CONSUMER = 'survey-ivr-calls';
const CALL_PREFIX = 'survey-';

/** The question the IVR reads (one key for the whole callback: it rates all three dimensions). */
export const IVR_SURVEY_MESSAGE =
  '您好，这里是12345热线。您反映的问题已办结，请对办理情况进行评价：满意请按1，基本满意请按2，不满意请按3。';
const ANSWERS = { '1': 'satisfied', '2': 'basically-satisfied', '3': 'dissatisfied' } as const;

/** The outbound call of a task's attempt, and back: `survey-<taskId>.<attempt>`. */
export const surveyCallId = (taskId: string, attempt: number): string => `${CALL_PREFIX}${taskId}.${attempt}`;
const taskOfCall = (callId: string): string | undefined =>
  callId.startsWith(CALL_PREFIX) ? callId.slice(CALL_PREFIX.length).replace(/\.\d+$/, '') : undefined;

/** The dialer's outcome as the task's failed attempt; a declined call (603) counts as not answered. */
const FAILURES: Record<string, AttemptFailure> = {
  'no-answer': 'no-answer',
  busy: 'busy',
  rejected: 'no-answer',
  failed: 'switched-off',
};

/**
 * The automated IVR callback, through the sipapp's outbound-call API: a requested survey call
 * (`CallbackSurveyCallRequested`) becomes `PlaceOutboundCall` (purpose `survey`, digits 1/2/3); the
 * call's end (`OutboundCallFinished`) becomes the task's answer (the key rates efficiency, attitude
 * and result alike) or a failed attempt. Idempotent by call id and by the causing event's id.
 */
export function ivrSurvey(
  store: EventStore,
  requests: BusRequests,
  tasks: CallbackTaskCommands,
): ReactorSpec {
  const placeCall = async ({ event, command }: Reaction): Promise<void> => {
    const { taskId, caseId, attempt } = event.data as { taskId: string; caseId: string; attempt: number };
    const { state } = await callbackTaskAggregate.load(store, taskId);
    const phone = state.task?.phone;
    if (phone === undefined) return;
    const data = {
      callId: surveyCallId(taskId, attempt),
      purpose: 'survey' as const,
      number: phone.replace(/\D/g, ''),
      caseId,
      message: IVR_SURVEY_MESSAGE,
      answers: ANSWERS,
    };
    const { commandId, metadata } = command(PlaceOutboundCall, 'cb-dial', data);
    await requests.command(PlaceOutboundCall, commandId, data, metadata);
  };

  const callFinished = async ({ event, command }: Reaction): Promise<void> => {
    const { callId, outcome, answer, recording } = event.data as {
      callId: string;
      outcome: string;
      answer?: string;
      recording?: { recordingId: string };
    };
    const taskId = taskOfCall(callId);
    if (taskId === undefined) return;
    const rating = Rating.safeParse(answer);
    if (outcome === 'answered' && rating.success) {
      const ratings = { efficiency: rating.data, attitude: rating.data, result: rating.data };
      await tasks.execute(
        command(AnswerCallbackTask, 'cb-ivr-answer', {
          taskId,
          method: 'ivr',
          ratings,
          callId,
          // The robot's answer is kept with the call's recording (the audit listens to it).
          ...(recording ? { recordingId: recording.recordingId } : {}),
        }),
      );
      return;
    }
    await tasks.execute(
      command(RecordCallbackAttempt, 'cb-ivr-attempt', {
        taskId,
        method: 'ivr',
        failure: FAILURES[outcome] ?? 'no-answer',
      }),
    );
  };

  return {
    name: IVR_SURVEY_CONSUMER,
    actor: SURVEY_ACTOR,
    events: [CallbackSurveyCallRequested, OutboundCallFinished],
    refusal: 'survey: an IVR survey step was refused',
    react: (reaction) =>
      reaction.event.type === CallbackSurveyCallRequested.type ? placeCall(reaction) : callFinished(reaction),
  };
}
