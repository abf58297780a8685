import {
  POLL_INTERVIEW_CATEGORY,
  ValidationError,
  pollInterviewCommands,
  pollInterviewEvents,
  type PollEvaluation,
  type PollFrame,
  type PollFrameEntry,
  type PollInterviewCommand,
  type PollInterviewEvent,
  type PollQuestionnaire,
} from '@hotline/contracts';
import { defineAggregate, type DecideContext, type Decider } from '@hotline/infra/command';
import { uniform } from '../audit/audit-draw';
import { decideCallOutcome, decidePlaceCall } from './poll-ivr-interview.decide';
import { AUDITORS, INTERVIEWERS, PollError, PollRuleViolation, pollRoleOf, requireRole } from './poll.errors';

export type PollInterviewStatus = 'pending' | 'taken' | 'completed' | 'not-reached' | 'refused';

export interface PollInterviewState {
  status: PollInterviewStatus;
  roundId?: string;
  interviewerId?: string;
  audit: boolean;
  audited: boolean;
  /** The robot's calls: placed so far, allowed, the one under way, when the next is due. */
  attempt: number;
  attempts: number;
  openCallId?: string;
  retryAt?: string;
}

/** A number of the call list, as the read model lists it (for the take). */
export interface PollCandidate extends PollFrameEntry {
  roundId: string;
  interviewId: string;
  frame: PollFrame;
}

export interface PollInterviewContext {
  /** The number to take (TakeNextPollInterview). */
  candidate?: PollCandidate;
  /** The round's questionnaire, seed and audit share (the answer). */
  round?: { questionnaire: PollQuestionnaire; seed: string; auditShare: number };
  /** How long after the robot's failed call the next is due. */
  ivrRetryMinutes?: number;
}

/** Supervisors and the center may finish an interview another interviewer left. */
const OVERSEERS = new Set(['supervisor', 'center']);

/** Every unit evaluated is in the questionnaire, every answer one of its question's options. */
function checkEvaluations(evaluations: readonly PollEvaluation[], questionnaire: PollQuestionnaire): void {
  const units = new Set(questionnaire.units.map((u) => u.unitId));
  const questions = new Map(questionnaire.questions.map((q) => [q.questionId, q]));
  const seen = new Set<string>();
  evaluations.forEach((evaluation, i) => {
    const field = `evaluations[${i}]`;
    if (!units.has(evaluation.unitId))
      throw new ValidationError(`${field}.unitId`, `${evaluation.unitId} is not evaluated in this round`);
    if (seen.has(evaluation.unitId)) throw new ValidationError(`${field}.unitId`, 'is evaluated twice');
    seen.add(evaluation.unitId);
    const answers = Object.entries(evaluation.answers);
    if (answers.length === 0)
      throw new ValidationError(`${field}.answers`, 'must answer at least one question');
    for (const [questionId, option] of answers) {
      const question = questions.get(questionId);
      if (!question)
        throw new ValidationError(`${field}.answers.${questionId}`, 'is not a question of this round');
      if (!question.options.some((o) => o.key === option))
        throw new ValidationError(
          `${field}.answers.${questionId}`,
          `${option} is not an option of the question`,
        );
    }
  });
}

function decide(
  command: PollInterviewCommand,
  state: PollInterviewState,
  context: DecideContext & PollInterviewContext,
): PollInterviewEvent[] {
  const { actor } = context;
  if (command.type === 'TakeNextPollInterview') {
    requireRole(actor, INTERVIEWERS, 'take a poll interview');
    const candidate = context.candidate;
    if (!candidate) throw new Error('TakeNextPollInterview needs the candidate in its context');
    // A take racing another take of the same interviewer (two tabs, a double click) answers the
    // number that one won: an interviewer holds one number at a time.
    if (state.status === 'taken' && state.interviewerId === actor.id) return [];
    if (state.status !== 'pending')
      throw new PollRuleViolation(PollError.InterviewTaken, `${candidate.interviewId} is taken`);
    return [{ type: 'PollInterviewTaken', data: { ...candidate, interviewerId: actor.id } }];
  }
  const { interviewId } = command.data;
  const roundId = state.roundId;
  if (state.status === 'pending' || roundId === undefined)
    throw new PollRuleViolation(PollError.InterviewNotFound, `poll interview ${interviewId} was not taken`);
  switch (command.type) {
    case 'RecordPollInterview':
    case 'RecordPollInterviewFailure': {
      requireRole(actor, INTERVIEWERS, 'record a poll interview');
      if (state.status !== 'taken') {
        // A second answer changes nothing; a different outcome is refused.
        const same =
          command.type === 'RecordPollInterview'
            ? state.status === 'completed'
            : state.status === command.data.failure;
        if (same) return [];
        throw new PollRuleViolation(PollError.InterviewFinished, `${interviewId} is already ${state.status}`);
      }
      if (state.interviewerId !== actor.id && !OVERSEERS.has(pollRoleOf(actor)))
        throw new PollRuleViolation(PollError.NotYourInterview, `${interviewId} is another interviewer's`);
      if (command.type === 'RecordPollInterviewFailure')
        return [
          { type: 'PollInterviewFailed', data: { roundId, interviewId, failure: command.data.failure } },
        ];
      const round = context.round;
      if (!round) throw new PollRuleViolation(PollError.RoundNotFound, `poll round ${roundId} was not found`);
      checkEvaluations(command.data.evaluations, round.questionnaire);
      // The audited share is drawn from the round's seed: the same interviews on any replay.
      const audit = round.auditShare > 0 && uniform(round.seed, `audit|${interviewId}`) < round.auditShare;
      return [{ type: 'PollInterviewCompleted', data: { ...command.data, roundId, audit } }];
    }
    case 'PlacePollInterviewCall':
      return decidePlaceCall(command.data, state, context);
    case 'RecordPollInterviewCall':
      return decideCallOutcome(command.data, state, context);
    case 'AuditPollInterview': {
      requireRole(actor, AUDITORS, 'audit a poll interview');
      if (state.status !== 'completed' || !state.audit)
        throw new PollRuleViolation(PollError.NotDrawnForAudit, `${interviewId} is not drawn for audit`);
      if (state.audited) return [];
      return [{ type: 'PollInterviewAudited', data: { ...command.data, roundId } }];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown poll interview command ${JSON.stringify(unknown)}`);
    }
  }
}

function evolve(state: PollInterviewState, event: PollInterviewEvent): PollInterviewState {
  switch (event.type) {
    case 'PollInterviewTaken':
      return {
        ...state,
        status: 'taken',
        roundId: event.data.roundId,
        interviewerId: event.data.interviewerId,
      };
    case 'PollInterviewCompleted': {
      const { openCallId: _done, ...rest } = state;
      return { ...rest, status: 'completed', audit: event.data.audit };
    }
    case 'PollInterviewFailed': {
      const { openCallId: _done, ...rest } = state;
      return { ...rest, status: event.data.failure };
    }
    case 'PollInterviewCallPlaced': {
      const { retryAt: _due, ...rest } = state;
      const { callId, attempt, attempts } = event.data;
      return { ...rest, openCallId: callId, attempt, attempts };
    }
    case 'PollInterviewCallFailed': {
      const { openCallId: _done, ...rest } = state;
      return { ...rest, ...(event.data.retryAt ? { retryAt: event.data.retryAt } : {}) };
    }
    case 'PollInterviewAudited':
      return { ...state, audited: true };
    default: {
      const unknown: never = event;
      throw new Error(`unknown poll interview event ${JSON.stringify(unknown)}`);
    }
  }
}

/** One sampled number (`pollInterview-<roundId>.<n>`): taken by one interviewer, answered once, maybe audited. */
export const pollInterviewDecider: Decider<
  PollInterviewCommand,
  PollInterviewEvent,
  PollInterviewState,
  PollInterviewContext
> = {
  initialState: () => ({ status: 'pending', audit: false, audited: false, attempt: 0, attempts: 0 }),
  evolve,
  decide,
};

export const pollInterviewAggregate = defineAggregate({
  category: POLL_INTERVIEW_CATEGORY,
  decider: pollInterviewDecider,
  events: pollInterviewEvents,
  commands: pollInterviewCommands,
});
