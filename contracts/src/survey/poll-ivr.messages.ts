import { z } from 'zod';
import { ClientId } from '../kernel/ids';
import { defineCommand, defineEvent } from '../messages/define';
import { OutboundOutcome } from '../telephony/outbound-call.messages';
import { IsoDateTime } from '../workflow/case.values';
import {
  POLL_INTERVIEW_CATEGORY,
  POLL_ROUND_CATEGORY,
  PollFrame,
  PollInterviewId,
  PollRoundId,
} from './poll.values';
import { SURVEY_SERVICE } from './survey.values';

/**
 * Automated IVR poll interviews (the survey robot): the round's sampled numbers called by the
 * sipapp's dialer with the questionnaire's questions, the keys' answers recorded as the interview.
 */
const command = <T extends string, S extends z.ZodType>(type: T, summary: string, schema: S) =>
  defineCommand({ type, service: SURVEY_SERVICE, summary, schema });

/** The interviewer the robot takes numbers as (a system actor: no user signs in under it). */
export const POLL_IVR_INTERVIEWER = 'system:survey-ivr';
/** Calls to a number before it is unreachable, unless the center says otherwise. */
export const POLL_IVR_DEFAULT_ATTEMPTS = 3;
const Attempts = z.number().int().min(1).max(10);

// ——— the round (pollRound-<roundId>) ———

export const StartPollIvr = command(
  'StartPollIvr',
  'The center sets the robot calling the round’s sampled numbers (all frames, or the ones named), with the attempts per number.',
  z.object({
    roundId: PollRoundId,
    /** Only these frames’ numbers; absent: every frame. */
    frames: z.array(PollFrame).min(1).max(4).optional(),
    attempts: Attempts.default(POLL_IVR_DEFAULT_ATTEMPTS),
  }),
);

export const PausePollIvr = command(
  'PausePollIvr',
  'The center pauses the robot: no new call is placed; the calls under way end and are recorded.',
  z.object({ roundId: PollRoundId }),
);

export const PollIvrStarted = defineEvent({
  type: 'PollIvrStarted',
  version: 1,
  category: POLL_ROUND_CATEGORY,
  summary: 'The robot calls the round’s numbers (of the frames named, if any).',
  schema: z.object({ roundId: PollRoundId, frames: z.array(PollFrame).optional(), attempts: Attempts }),
});

export const PollIvrPaused = defineEvent({
  type: 'PollIvrPaused',
  version: 1,
  category: POLL_ROUND_CATEGORY,
  summary: 'The robot stopped placing calls for the round.',
  schema: z.object({ roundId: PollRoundId }),
});

// ——— an interview (pollInterview-<interviewId>) ———

export const PlacePollInterviewCall = command(
  'PlacePollInterviewCall',
  'The robot calls the number it holds (its next attempt); recorded before the dialer is asked, so a restart never places the attempt twice.',
  z.object({ interviewId: PollInterviewId, attempts: Attempts }),
);

export const RecordPollInterviewCall = command(
  'RecordPollInterviewCall',
  'How the robot’s call ended: answered with keys → the interview; not answered, busy, declined, failed → an attempt (the last one: unreachable).',
  z.object({
    interviewId: PollInterviewId,
    callId: ClientId,
    outcome: OutboundOutcome,
    /** The call’s answers by its question id (`<unit index>.<question id>`), as the dialer reports them. */
    answers: z.record(z.string().max(80), z.string().max(40)).optional(),
    /** The answered call's recording (its id in the sipapp's call recordings), kept with the answers. */
    recordingId: ClientId.optional(),
  }),
);

const InterviewRef = { roundId: PollRoundId, interviewId: PollInterviewId };

export const PollInterviewCallPlaced = defineEvent({
  type: 'PollInterviewCallPlaced',
  version: 1,
  category: POLL_INTERVIEW_CATEGORY,
  summary: 'The robot called the number (`callId` `poll-<interviewId>.<attempt>`); its outcome follows.',
  schema: z.object({ ...InterviewRef, callId: ClientId, attempt: Attempts, attempts: Attempts }),
});

export const PollInterviewCallFailed = defineEvent({
  type: 'PollInterviewCallFailed',
  version: 1,
  category: POLL_INTERVIEW_CATEGORY,
  summary: 'The robot’s call reached nobody; `retryAt` when another attempt follows.',
  schema: z.object({
    ...InterviewRef,
    callId: ClientId,
    attempt: Attempts,
    outcome: OutboundOutcome.exclude(['answered']),
    retryAt: IsoDateTime.optional(),
  }),
});

export const pollIvrRoundCommands = [StartPollIvr, PausePollIvr] as const;
export const pollIvrRoundEvents = [PollIvrStarted, PollIvrPaused] as const;
export const pollIvrInterviewCommands = [PlacePollInterviewCall, RecordPollInterviewCall] as const;
export const pollIvrInterviewEvents = [PollInterviewCallPlaced, PollInterviewCallFailed] as const;
