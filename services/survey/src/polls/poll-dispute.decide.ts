import {
  ValidationError,
  type AnswerPollDispute,
  type PollQuestionnaire,
  type PollVerificationEvent,
} from '@hotline/contracts';
import type { DecideContext } from '@hotline/infra/command';
import type { z } from 'zod';
import { ORGANISERS, PollError, PollRuleViolation, requireRole } from './poll.errors';

type Data = z.output<(typeof AnswerPollDispute)['schema']>;

/** What the reply needs to know of an interview it names: how it stands and its answers about the unit. */
export interface DisputedInterview {
  /** completed and counting (not struck by an audit). */
  counts: boolean;
  /** Its answers about the disputing unit, if it evaluated it. */
  answers?: Record<string, string>;
}

export interface PollDisputeContext {
  questionnaire?: PollQuestionnaire;
  /** The interviews the reply names, read from their streams. */
  interviews?: ReadonlyMap<string, DisputedInterview>;
}

export interface PollDisputeState {
  disputed: boolean;
  answered: boolean;
}

/** The interview's current answers about the unit, or a refusal naming the field. */
function previousAnswers(field: string, interviewId: string, context: PollDisputeContext, unitId: string) {
  const interview = context.interviews?.get(interviewId);
  if (!interview?.counts)
    throw new ValidationError(field, `${interviewId} is not an interview that counts in this round`);
  if (!interview.answers) throw new ValidationError(field, `${interviewId} did not evaluate unit ${unitId}`);
  return interview.answers;
}

/**
 * The center's final reply to a unit's dispute (二次终审), once: upheld, the results stand (nothing
 * named); accepted, at least one interview struck or corrected, each named once, each one that
 * counts and evaluated the unit, each correction a valid answer of the questionnaire.
 */
export function decideDisputeReply(
  data: Data,
  state: PollDisputeState,
  context: DecideContext & PollDisputeContext,
): PollVerificationEvent[] {
  requireRole(context.actor, ORGANISERS, 'answer a poll dispute');
  const { roundId, unitId, decision, reasons, struck, corrected } = data;
  if (!state.disputed)
    throw new PollRuleViolation(
      PollError.NotDisputed,
      `unit ${unitId} has not disputed its results in ${roundId}`,
    );
  if (state.answered)
    throw new PollRuleViolation(
      PollError.DisputeAnswered,
      `the dispute of unit ${unitId} in ${roundId} is answered`,
    );
  const named = [...struck, ...corrected.map((c) => c.interviewId)];
  if (decision === 'upheld' && named.length > 0)
    throw new ValidationError(struck.length ? 'struck' : 'corrected', 'must be empty when the results stand');
  if (decision === 'accepted' && named.length === 0)
    throw new ValidationError('struck', 'an accepted dispute strikes or corrects at least one interview');
  const twice = named.findIndex((id, i) => named.indexOf(id) !== i);
  if (twice >= 0) throw new ValidationError('corrected', `${named[twice]} is named twice`);
  const questions = new Map(context.questionnaire?.questions.map((q) => [q.questionId, q]));
  return [
    {
      type: 'PollDisputeAnswered',
      data: {
        roundId,
        unitId,
        decision,
        reasons,
        struck: struck.map((interviewId, i) => ({
          interviewId,
          previous: previousAnswers(`struck[${i}]`, interviewId, context, unitId),
        })),
        corrected: corrected.map(({ interviewId, answers }, i) => {
          const previous = previousAnswers(`corrected[${i}].interviewId`, interviewId, context, unitId);
          if (Object.keys(answers).length === 0)
            throw new ValidationError(`corrected[${i}].answers`, 'must answer at least one question');
          for (const [questionId, option] of Object.entries(answers)) {
            const question = questions.get(questionId);
            if (!question)
              throw new ValidationError(
                `corrected[${i}].answers.${questionId}`,
                'is not a question of this round',
              );
            if (!question.options.some((o) => o.key === option))
              throw new ValidationError(
                `corrected[${i}].answers.${questionId}`,
                `${option} is not an option of the question`,
              );
          }
          return { interviewId, previous, answers };
        }),
      },
    },
  ];
}
