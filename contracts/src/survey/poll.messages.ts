import { z } from 'zod';
import { ClientId } from '../kernel/ids';
import { defineCommand, defineEvent } from '../messages/define';
import { IsoDateTime } from '../workflow/case.values';
import {
  POLL_FRAME_CATEGORY,
  POLL_INTERVIEW_CATEGORY,
  POLL_ROUND_CATEGORY,
  POLL_VERIFICATION_CATEGORY,
  PollEvaluation,
  PollFrame,
  PollFrameEntry,
  PollInterviewFailure,
  PollInterviewId,
  PollQuestionnaire,
  PollQuota,
  PollRejectedLine,
  PollRoundId,
  PollText,
} from './poll.values';
import { SURVEY_SERVICE } from './survey.values';
import { pollDisputeCommands, pollDisputeEvents } from './poll-dispute.messages';
import {
  pollIvrInterviewCommands,
  pollIvrInterviewEvents,
  pollIvrRoundCommands,
  pollIvrRoundEvents,
} from './poll-ivr.messages';

const command = <T extends string, S extends z.ZodType>(type: T, summary: string, schema: S) =>
  defineCommand({ type, service: SURVEY_SERVICE, summary, schema });

const Title = z.string().trim().min(1).max(200);
/**
 * Up to 512 KiB of CSV (about 20,000 numbers) per command: a bigger file is sent in parts, split
 * at line boundaries (the console does it), each part a command of its own.
 */
export const POLL_FRAME_FILE_MAX_CHARS = 512 * 1024;
/** The parts of one frame file: 100 parts of 512 KiB, 50 MiB (about 2 million numbers). */
export const POLL_FRAME_FILE_MAX_PARTS = 100;

/** Which part of a bigger frame file a command carries, so its lines are reported by the file's numbers. */
export const PollFramePart = z
  .object({
    /** The file's own id (the console uses its content hash): the parts of one file share it. */
    fileId: ClientId,
    /** 0-based. */
    index: z.number().int().min(0),
    count: z.number().int().min(1).max(POLL_FRAME_FILE_MAX_PARTS),
    /** The file's line number of the part's first line (1 for the first part). */
    firstLine: z.number().int().min(1),
  })
  .refine((part) => part.index < part.count, { message: 'must be below count', path: ['index'] });
export type PollFramePart = z.infer<typeof PollFramePart>;

// ——— the round (pollRound-<roundId>) ———

export const DefinePollRound = command(
  'DefinePollRound',
  'The center defines a poll round (民主评议轮次): questionnaire, quotas per district and frame, the sampling seed and the audited share.',
  z.object({
    roundId: PollRoundId,
    title: Title,
    questionnaire: PollQuestionnaire,
    quotas: z.array(PollQuota).min(1).max(400),
    /** Draws the sample's random starts and the audited interviews: the same seed, the same draw. */
    seed: z.string().trim().min(1).max(100),
    /** The share of completed interviews re-checked by an auditor (审核). */
    auditShare: z.number().min(0).max(1).default(0.1),
  }),
);

export const DrawPollSample = command(
  'DrawPollSample',
  'Draws the sample: random-start systematic sampling per quota from the imported frames (once per round).',
  z.object({ roundId: PollRoundId }),
);

export const PublishPollResults = command(
  'PublishPollResults',
  'The center sends the results to the units: each verifies its own within three working days.',
  z.object({ roundId: PollRoundId }),
);

export const PollRoundDefined = defineEvent({
  type: 'PollRoundDefined',
  version: 1,
  category: POLL_ROUND_CATEGORY,
  summary: 'A poll round was defined.',
  schema: DefinePollRound.schema.extend({ auditShare: z.number().min(0).max(1) }),
});

export const PollSampleDrawn = defineEvent({
  type: 'PollSampleDrawn',
  version: 1,
  category: POLL_ROUND_CATEGORY,
  summary: 'The sample was drawn: per quota, the numbers available and drawn (a shortfall shows).',
  schema: z.object({
    roundId: PollRoundId,
    quotas: z.array(PollQuota.extend({ available: z.number().int().min(0), drawn: z.number().int().min(0) })),
    interviews: z.number().int().min(0),
  }),
});

export const PollInterviewsListed = defineEvent({
  type: 'PollInterviewsListed',
  version: 1,
  category: POLL_ROUND_CATEGORY,
  summary: 'Part of the drawn sample (at most 500 numbers an event): the interviewers’ call list.',
  schema: z.object({
    roundId: PollRoundId,
    interviews: z.array(PollFrameEntry.extend({ interviewId: PollInterviewId, frame: PollFrame })).max(500),
  }),
});

export const PollResultsPublished = defineEvent({
  type: 'PollResultsPublished',
  version: 1,
  category: POLL_ROUND_CATEGORY,
  summary: 'The results went to the units; each verifies its own by the deadline (three working days).',
  schema: z.object({ roundId: PollRoundId, verifyBy: IsoDateTime }),
});

// ——— a sampling frame (pollFrame-<roundId>.<frame>) ———

export const ImportSamplingFrame = command(
  'ImportSamplingFrame',
  'Imports a frame file (CSV: phone,district[,unitId]); invalid lines are reported line by line, the valid ones kept.',
  z.object({
    roundId: PollRoundId,
    frame: PollFrame,
    fileName: z.string().trim().min(1).max(200),
    content: z.string().min(1).max(POLL_FRAME_FILE_MAX_CHARS),
    /** Absent when the command carries the whole file. */
    part: PollFramePart.optional(),
  }),
);

export const SamplingFrameImported = defineEvent({
  type: 'SamplingFrameImported',
  version: 1,
  category: POLL_FRAME_CATEGORY,
  summary: 'A frame file was read: numbers kept and the rejected lines (the first 200 with their reason).',
  schema: z.object({
    roundId: PollRoundId,
    frame: PollFrame,
    importId: ClientId,
    fileName: z.string(),
    accepted: z.number().int().min(0),
    rejectedCount: z.number().int().min(0),
    rejected: z.array(PollRejectedLine).max(200),
    /** The part of a bigger file this was (its rejected lines carry the file's line numbers). */
    part: PollFramePart.optional(),
  }),
});

export const SamplingFrameEntriesAdded = defineEvent({
  type: 'SamplingFrameEntriesAdded',
  version: 1,
  category: POLL_FRAME_CATEGORY,
  summary: 'Numbers of an imported frame file, in file order (at most 1,000 an event).',
  schema: z.object({
    roundId: PollRoundId,
    frame: PollFrame,
    importId: ClientId,
    entries: z.array(PollFrameEntry).max(1000),
  }),
});

// ——— an interview (pollInterview-<interviewId>) ———

export const TakeNextPollInterview = command(
  'TakeNextPollInterview',
  'An interviewer takes the next number of the round’s call list (the one they hold, if any).',
  z.object({ roundId: PollRoundId }),
);

export const RecordPollInterview = command(
  'RecordPollInterview',
  'The interviewer records the answers per unit evaluated, with the recording’s id if any.',
  z.object({
    interviewId: PollInterviewId,
    evaluations: z.array(PollEvaluation).min(1).max(20),
    comment: PollText.optional(),
    recordingId: ClientId.optional(),
  }),
);

export const RecordPollInterviewFailure = command(
  'RecordPollInterviewFailure',
  'The number was not reached, or the person refused.',
  z.object({ interviewId: PollInterviewId, failure: PollInterviewFailure }),
);

export const AuditPollInterview = command(
  'AuditPollInterview',
  'An auditor re-checked a drawn interview against its recording: upheld, or not (then it does not count).',
  z.object({ interviewId: PollInterviewId, upheld: z.boolean(), note: PollText.optional() }),
);

const InterviewRef = { roundId: PollRoundId, interviewId: PollInterviewId };

export const PollInterviewTaken = defineEvent({
  type: 'PollInterviewTaken',
  version: 1,
  category: POLL_INTERVIEW_CATEGORY,
  summary: 'An interviewer took the number.',
  schema: PollFrameEntry.extend({ ...InterviewRef, frame: PollFrame, interviewerId: ClientId }),
});

export const PollInterviewCompleted = defineEvent({
  type: 'PollInterviewCompleted',
  version: 1,
  category: POLL_INTERVIEW_CATEGORY,
  summary: 'The answers were recorded; `audit` when the seeded draw picked it for re-checking.',
  schema: z.object({
    ...InterviewRef,
    evaluations: z.array(PollEvaluation),
    comment: PollText.optional(),
    recordingId: ClientId.optional(),
    /** Answered by the robot: its call (the interviewer's answers have none). */
    callId: ClientId.optional(),
    audit: z.boolean(),
  }),
});

export const PollInterviewFailed = defineEvent({
  type: 'PollInterviewFailed',
  version: 1,
  category: POLL_INTERVIEW_CATEGORY,
  summary: 'No interview: not reached or refused.',
  schema: z.object({ ...InterviewRef, failure: PollInterviewFailure }),
});

export const PollInterviewAudited = defineEvent({
  type: 'PollInterviewAudited',
  version: 1,
  category: POLL_INTERVIEW_CATEGORY,
  summary: 'The audit’s verdict; an interview not upheld leaves the indices.',
  schema: z.object({ ...InterviewRef, upheld: z.boolean(), note: PollText.optional() }),
});

// ——— a unit's verification (pollVerification-<roundId>.<unitId>) ———

export const VerifyPollResults = command(
  'VerifyPollResults',
  'A unit verifies its results (核对认定): agrees, or disputes them with its response.',
  z.object({ roundId: PollRoundId, unitId: ClientId, agreed: z.boolean(), response: PollText.optional() }),
);

export const PollResultsVerified = defineEvent({
  type: 'PollResultsVerified',
  version: 1,
  category: POLL_VERIFICATION_CATEGORY,
  summary: 'A unit verified its results; `late` when after the deadline.',
  schema: z.object({
    roundId: PollRoundId,
    unitId: ClientId,
    agreed: z.boolean(),
    response: PollText.optional(),
    late: z.boolean(),
  }),
});

export const pollRoundCommands = [
  DefinePollRound,
  DrawPollSample,
  PublishPollResults,
  ...pollIvrRoundCommands,
] as const;
export const pollRoundEvents = [
  PollRoundDefined,
  PollSampleDrawn,
  PollInterviewsListed,
  PollResultsPublished,
  ...pollIvrRoundEvents,
] as const;
export const pollFrameCommands = [ImportSamplingFrame] as const;
export const pollFrameEvents = [SamplingFrameImported, SamplingFrameEntriesAdded] as const;
export const pollInterviewCommands = [
  TakeNextPollInterview,
  RecordPollInterview,
  RecordPollInterviewFailure,
  AuditPollInterview,
  ...pollIvrInterviewCommands,
] as const;
export const pollInterviewEvents = [
  PollInterviewTaken,
  PollInterviewCompleted,
  PollInterviewFailed,
  PollInterviewAudited,
  ...pollIvrInterviewEvents,
] as const;
export const pollVerificationCommands = [VerifyPollResults, ...pollDisputeCommands] as const;
export const pollVerificationEvents = [PollResultsVerified, ...pollDisputeEvents] as const;
