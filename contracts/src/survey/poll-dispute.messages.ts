import { z } from 'zod';
import { ClientId } from '../kernel/ids';
import { defineCommand, defineEvent } from '../messages/define';
import { POLL_VERIFICATION_CATEGORY, PollInterviewId, PollRoundId, PollText } from './poll.values';
import { SURVEY_SERVICE } from './survey.values';

/** The center's reply to a unit that disputed its verified results (二次终审). */
export const PollDisputeDecision = z.enum(['upheld', 'accepted']);
export type PollDisputeDecision = z.infer<typeof PollDisputeDecision>;

const Answers = z.record(z.string().regex(/^[a-z0-9-]{1,32}$/), z.string().regex(/^[a-z0-9-]{1,32}$/));

/** An interview’s answers about the disputing unit, replaced (question id → option key). */
export const PollInterviewCorrection = z.object({ interviewId: PollInterviewId, answers: Answers });

export const AnswerPollDispute = defineCommand({
  type: 'AnswerPollDispute',
  service: SURVEY_SERVICE,
  summary:
    'The center answers a unit’s dispute (二次终审): upheld, the results stand; accepted, the interviews named are struck or corrected and the unit’s index recomputed.',
  schema: z.object({
    roundId: PollRoundId,
    unitId: ClientId,
    decision: PollDisputeDecision,
    reasons: PollText,
    /** accepted: interviews whose answers about the unit no longer count. */
    struck: z.array(PollInterviewId).max(200).default([]),
    /** accepted: interviews whose answers about the unit are replaced. */
    corrected: z.array(PollInterviewCorrection).max(200).default([]),
  }),
});

export const PollDisputeAnswered = defineEvent({
  type: 'PollDisputeAnswered',
  version: 1,
  category: POLL_VERIFICATION_CATEGORY,
  summary:
    'The center’s final reply to a unit’s dispute; the answers struck or replaced carry what they were, so the index is recomputed from the event alone.',
  schema: z.object({
    roundId: PollRoundId,
    unitId: ClientId,
    decision: PollDisputeDecision,
    reasons: PollText,
    struck: z.array(z.object({ interviewId: PollInterviewId, previous: Answers })),
    corrected: z.array(z.object({ interviewId: PollInterviewId, previous: Answers, answers: Answers })),
  }),
});

export const pollDisputeCommands = [AnswerPollDispute] as const;
export const pollDisputeEvents = [PollDisputeAnswered] as const;
