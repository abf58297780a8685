import {
  POLL_IVR_INTERVIEWER,
  type PlacePollInterviewCall,
  type PollInterviewEvent,
  type RecordPollInterviewCall,
} from '@hotline/contracts';
import type { DecideContext } from '@hotline/infra/command';
import type { z } from 'zod';
import { uniform } from '../audit/audit-draw';
import { evaluationsOfCall, pollCallId } from './poll-ivr-call';
import type { PollInterviewContext, PollInterviewState } from './poll-interview.decider';
import { PollError, PollRuleViolation, ROBOT, requireRole } from './poll.errors';

type Data<D extends { schema: z.ZodType }> = z.output<D['schema']>;
type Context = DecideContext & PollInterviewContext;

/** Only the robot's own numbers are called by it; anything else is refused naming the interview. */
function requireRobotHeld(state: PollInterviewState, interviewId: string): string {
  if (state.status !== 'taken' || state.interviewerId !== POLL_IVR_INTERVIEWER || !state.roundId)
    throw new PollRuleViolation(
      PollError.NotRobotInterview,
      `${interviewId} is not held by the IVR robot (it is ${state.status})`,
    );
  return state.roundId;
}

/**
 * The robot's next attempt at its number: the call is recorded (its id from the interview and the
 * attempt) before the dialer is asked. A call already open answers nothing new: the robot asks the
 * dialer again with the same call id, which the dialer answers once.
 */
export function decidePlaceCall(
  data: Data<typeof PlacePollInterviewCall>,
  state: PollInterviewState,
  context: Context,
): PollInterviewEvent[] {
  requireRole(context.actor, ROBOT, 'place a poll call');
  const { interviewId, attempts } = data;
  const roundId = requireRobotHeld(state, interviewId);
  if (state.openCallId !== undefined) return [];
  if (state.retryAt !== undefined && context.now.getTime() < Date.parse(state.retryAt))
    throw new PollRuleViolation(PollError.CallNotDue, `${interviewId} is called again at ${state.retryAt}`);
  const attempt = state.attempt + 1;
  return [
    {
      type: 'PollInterviewCallPlaced',
      data: { roundId, interviewId, callId: pollCallId(interviewId, attempt), attempt, attempts },
    },
  ];
}

/**
 * The end of the robot's call: keys pressed → the interview (answered by the IVR, with the call's
 * id; drawn for audit as an interviewer's would be); answered without a key → refused; not
 * answered, busy, declined or failed → a failed attempt, retried later until the attempts run out,
 * then not reached. An outcome of a call that is not the open one (redelivered) changes nothing.
 */
export function decideCallOutcome(
  data: Data<typeof RecordPollInterviewCall>,
  state: PollInterviewState,
  context: Context,
): PollInterviewEvent[] {
  requireRole(context.actor, ROBOT, 'record a poll call');
  const { interviewId, callId, outcome } = data;
  if (state.openCallId !== callId) return [];
  const roundId = requireRobotHeld(state, interviewId);
  if (outcome === 'answered') {
    const round = context.round;
    if (!round) throw new PollRuleViolation(PollError.RoundNotFound, `poll round ${roundId} was not found`);
    const evaluations = evaluationsOfCall(round.questionnaire, data.answers ?? {});
    if (evaluations.length === 0)
      return [{ type: 'PollInterviewFailed', data: { roundId, interviewId, failure: 'refused' } }];
    const audit = round.auditShare > 0 && uniform(round.seed, `audit|${interviewId}`) < round.auditShare;
    const recordingId = data.recordingId;
    return [
      {
        type: 'PollInterviewCompleted',
        data: { roundId, interviewId, evaluations, callId, audit, ...(recordingId ? { recordingId } : {}) },
      },
    ];
  }
  const attempt = state.attempt;
  if (attempt >= state.attempts)
    return [
      { type: 'PollInterviewCallFailed', data: { roundId, interviewId, callId, attempt, outcome } },
      { type: 'PollInterviewFailed', data: { roundId, interviewId, failure: 'not-reached' } },
    ];
  const retryAt = new Date(context.now.getTime() + (context.ivrRetryMinutes ?? 60) * 60_000).toISOString();
  return [
    { type: 'PollInterviewCallFailed', data: { roundId, interviewId, callId, attempt, outcome, retryAt } },
  ];
}
