import { z } from 'zod';
import { defineQuery } from '../messages/define';
import { ClientId } from '../kernel/ids';
import { IsoDateTime } from '../workflow/case.values';
import { MinPosition, QueryViewer } from '../workflow/queries/query-viewer';
import { CallbackMethod, CallbackTaskId, CallbackTaskKind, SURVEY_SERVICE } from './survey.values';

const query = <T extends string, S extends z.ZodType>(type: T, summary: string, schema: S) =>
  defineQuery({ type, service: SURVEY_SERVICE, summary, schema });

/** Where a callback task stands. */
export const CallbackTaskStatus = z.enum([
  'scheduled',
  'link-sent',
  'call-requested',
  'fault-review',
  'answered',
  'unreachable',
  'waived',
]);
export type CallbackTaskStatus = z.infer<typeof CallbackTaskStatus>;

export const ListCallbackTasks = query(
  'ListCallbackTasks',
  'The callback queue (回访待办) and its outcomes, due first; scoped to the caller’s district.',
  z.object({
    viewer: QueryViewer,
    minPosition: MinPosition,
    status: z.array(CallbackTaskStatus).max(7).optional(),
    method: CallbackMethod.optional(),
    kind: CallbackTaskKind.optional(),
    dueBefore: IsoDateTime.optional(),
    limit: z.number().int().min(1).max(500).default(50),
    offset: z.number().int().min(0).max(100_000).default(0),
  }),
);

export const GetCallbackTask = query(
  'GetCallbackTask',
  'One callback task with its attempts and answer.',
  z.object({ viewer: QueryViewer, taskId: CallbackTaskId, minPosition: MinPosition }),
);

export const GetCallbackSurveyPage = query(
  'GetCallbackSurveyPage',
  'What the phone survey page shows for a signed link: the case number and whether it was answered. A forged or expired link is refused.',
  z.object({ token: z.string().trim().min(10).max(200) }),
);

/** How satisfaction is grouped. */
export const SatisfactionGrouping = z.enum(['unit', 'category', 'district', 'month', 'day']);
export type SatisfactionGrouping = z.infer<typeof SatisfactionGrouping>;

export const GetSatisfaction = query(
  'GetSatisfaction',
  'Callback satisfaction (满意率: satisfied + basically satisfied ÷ evaluated) by unit, category, district or period, per dimension.',
  z.object({
    viewer: QueryViewer,
    by: SatisfactionGrouping,
    /** Answer days, China time (YYYY-MM-DD), inclusive. */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
  }),
);

export const GetAgentSurveyScores = query(
  'GetAgentSurveyScores',
  "Each agent's post-call survey scores by period (day or month, China time).",
  z.object({
    viewer: QueryViewer,
    period: z.enum(['day', 'month']).default('month'),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    agentId: ClientId.optional(),
  }),
);

export const surveyQueries = [
  ListCallbackTasks,
  GetCallbackTask,
  GetCallbackSurveyPage,
  GetSatisfaction,
  GetAgentSurveyScores,
] as const;
