import { OutboundCallFinished, RecordPollInterviewCall } from '@hotline/contracts';
import type { Reaction, ReactorSpec } from '@hotline/infra/reactor';
import type { PollCommands } from './poll-commands';
import { interviewOfPollCall } from './poll-ivr-call';
import { POLL_IVR_ACTOR } from './poll-ivr.runner';

export const POLL_IVR_CALLS_CONSUMER = 'survey-poll-ivr-calls';

/**
 * The end of the robot's calls (`OutboundCallFinished` of a `poll-` call) recorded on the interview:
 * the answers, or a failed attempt. The command id derives from the event's, and the interview
 * records only the outcome of its open call: a redelivered outcome records once.
 */
export function pollIvrCalls(polls: PollCommands): ReactorSpec {
  const react = async ({ event, command }: Reaction): Promise<void> => {
    const { callId, outcome, answers, recording } = event.data as {
      callId: string;
      outcome: 'answered' | 'no-answer' | 'busy' | 'rejected' | 'failed';
      answers?: Record<string, string>;
      recording?: { recordingId: string };
    };
    const interviewId = interviewOfPollCall(callId);
    if (interviewId === undefined) return;
    await polls.interview(
      command(RecordPollInterviewCall, 'poll-ivr-outcome', {
        interviewId,
        callId,
        outcome,
        ...(answers ? { answers } : {}),
        ...(recording ? { recordingId: recording.recordingId } : {}),
      }),
    );
  };
  return {
    name: POLL_IVR_CALLS_CONSUMER,
    actor: POLL_IVR_ACTOR,
    events: [OutboundCallFinished],
    refusal: 'survey: an IVR poll call’s outcome was refused',
    react,
  };
}
