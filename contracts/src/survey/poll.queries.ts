import { z } from 'zod';
import { defineQuery } from '../messages/define';
import { MinPosition, QueryViewer } from '../workflow/queries/query-viewer';
import { PollRoundId } from './poll.values';
import { SURVEY_SERVICE } from './survey.values';

const query = <T extends string, S extends z.ZodType>(type: T, summary: string, schema: S) =>
  defineQuery({ type, service: SURVEY_SERVICE, summary, schema });

/** Where a sampled number stands. */
export const PollInterviewStatus = z.enum(['pending', 'taken', 'completed', 'not-reached', 'refused']);
export type PollInterviewStatus = z.infer<typeof PollInterviewStatus>;

export const ListPollRounds = query(
  'ListPollRounds',
  'The poll rounds (民主评议), newest first.',
  z.object({ viewer: QueryViewer, minPosition: MinPosition }),
);

export const GetPollRound = query(
  'GetPollRound',
  'A round: its questionnaire, the frame imports with their rejected lines, and the progress per quota.',
  z.object({ viewer: QueryViewer, roundId: PollRoundId, minPosition: MinPosition }),
);

export const ListPollInterviews = query(
  'ListPollInterviews',
  'A round’s call list: by status, the ones drawn for audit, or the caller’s own.',
  z.object({
    viewer: QueryViewer,
    roundId: PollRoundId,
    minPosition: MinPosition,
    status: z.array(PollInterviewStatus).max(5).optional(),
    audit: z.boolean().optional(),
    mine: z.boolean().optional(),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).max(1_000_000).default(0),
  }),
);

export const GetPollResults = query(
  'GetPollResults',
  'Per unit: interviews, the weighted satisfaction index, the rank, per question averages, and the unit’s verification; a unit sees its own.',
  z.object({ viewer: QueryViewer, roundId: PollRoundId, minPosition: MinPosition }),
);

export const pollQueries = [ListPollRounds, GetPollRound, ListPollInterviews, GetPollResults] as const;
