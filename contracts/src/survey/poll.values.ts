import { z } from 'zod';
import { ClientId, DistrictId } from '../kernel/ids';
import { freeText, personal } from '../messages/personal-data';
import { CanonicalPhoneNumber } from '../workflow/citizen';

/**
 * Opinion polls (民主评议, seed 000 篇二). Streams: `pollRound-<roundId>` (the round: questionnaire,
 * quotas, the drawn sample, publication), `pollFrame-<roundId>.<frame>` (one sampling frame's
 * imported numbers), `pollInterview-<interviewId>` (one sampled number: taken, answered or not,
 * audited), `pollVerification-<roundId>.<unitId>` (a unit's verification of its results).
 */
export const POLL_ROUND_CATEGORY = 'pollRound';
export const POLL_FRAME_CATEGORY = 'pollFrame';
export const POLL_INTERVIEW_CATEGORY = 'pollInterview';
export const POLL_VERIFICATION_CATEGORY = 'pollVerification';

export const PollRoundId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'must be a lowercase slug of at most 48 characters');

/** One sampled number of a round: `<roundId>.<n>`. */
export const PollInterviewId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,47}\.\d{1,6}$/, 'must be <roundId>.<n>');

/**
 * The four sampling frames (样本框): numbers the evaluated departments supplied (their service
 * users), the hotline's own callers, enterprises (market, quality and tax bureaus), carrier numbers.
 */
export const PollFrame = z.enum(['department', 'hotline', 'enterprise', 'carrier']);
export type PollFrame = z.infer<typeof PollFrame>;

const Label = z.string().trim().min(1).max(200);

/** One answer of a scale and its score (0 to 100): the weighted satisfaction index is made of them. */
export const PollScaleOption = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,32}$/),
  label: Label,
  score: z.number().min(0).max(100),
});

export const PollQuestion = z.object({
  questionId: z.string().regex(/^[a-z0-9-]{1,32}$/),
  text: Label,
  /** The question's weight in a unit's index (relative to the other questions). */
  weight: z.number().positive().max(100),
  options: z.array(PollScaleOption).min(2).max(10),
});
export type PollQuestion = z.infer<typeof PollQuestion>;

export const PollUnit = z.object({ unitId: ClientId, name: Label });

/** What the interviewers ask: the units evaluated, the questions and their answer scales. */
export const PollQuestionnaire = z.object({
  units: z.array(PollUnit).min(1).max(500),
  questions: z.array(PollQuestion).min(1).max(30),
});
export type PollQuestionnaire = z.infer<typeof PollQuestionnaire>;

/** How many interviews a district wants from one frame (配额). */
export const PollQuota = z.object({
  district: DistrictId,
  frame: PollFrame,
  count: z.number().int().min(1).max(100_000),
});
export type PollQuota = z.infer<typeof PollQuota>;

/** A sampled or imported number; the phone is personal data, never on the integration stream. */
export const PollFrameEntry = z.object({
  phone: personal(CanonicalPhoneNumber),
  district: DistrictId,
  unitId: ClientId.optional(),
});
export type PollFrameEntry = z.infer<typeof PollFrameEntry>;

/** A line of a frame file that was not kept, and why. */
export const PollRejectedLine = z.object({
  line: z.number().int().min(1),
  /** phone, district or unit: not valid; duplicate: twice in the file; in-frame: in an earlier file. */
  code: z.enum(['phone', 'district', 'unit', 'duplicate', 'in-frame']),
  value: z.string().max(60),
  reason: z.string().max(200),
});

/** Why a sampled number gave no interview. */
export const PollInterviewFailure = z.enum(['not-reached', 'refused']);
export type PollInterviewFailure = z.infer<typeof PollInterviewFailure>;

/** The interviewee's answers about one unit: question id → option key. */
export const PollEvaluation = z.object({
  unitId: ClientId,
  answers: z.record(z.string().regex(/^[a-z0-9-]{1,32}$/), z.string().regex(/^[a-z0-9-]{1,32}$/)),
});
export type PollEvaluation = z.infer<typeof PollEvaluation>;

/** The interviewee's or a unit's own words. */
export const PollText = freeText(z.string().trim().min(1).max(2000));
