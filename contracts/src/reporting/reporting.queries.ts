import { z } from 'zod';
import { defineQuery } from '../messages/define';
import { QueryViewer } from '../workflow/queries/query-viewer';

export const REPORTING_SERVICE = 'reporting';

const query = <T extends string, S extends z.ZodType>(type: T, summary: string, schema: S) =>
  defineQuery({ type, service: REPORTING_SERVICE, summary, schema });

/** A calendar day in Beijing time, `2026-12-06`. */
export const ReportDay = z.iso.date();

/** The dimensions of the case counters a report may filter on and break down by. */
export const CaseDimension = z.enum(['district', 'unit', 'category', 'channel', 'type']);
export type CaseDimension = z.infer<typeof CaseDimension>;
/** Periods a report's rows may be grouped into (weeks start on Monday). */
export const PeriodKind = z.enum(['day', 'week', 'month', 'quarter', 'year']);
export type PeriodKind = z.infer<typeof PeriodKind>;

/** The longest range one report reads: ten years of days. */
export const MAX_REPORT_DAYS = 3_660;

const Range = { from: ReportDay, to: ReportDay };
const Filters = {
  districtId: z.string().min(1).max(64).optional(),
  unitId: z.string().min(1).max(128).optional(),
  categoryCode: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/, 'must be a category code of 2, 4 or 6 digits (a prefix selects its branch)')
    .optional(),
  channel: z.string().min(1).max(32).optional(),
  type: z.string().min(1).max(32).optional(),
};

export const GetKpiReport = query(
  'GetKpiReport',
  "The case KPIs of a date range (DOMAIN.md's definitions, docs/reporting.md), in total and broken down by a dimension or a period, with 同比 and 环比.",
  z.object({
    viewer: QueryViewer,
    ...Range,
    ...Filters,
    groupBy: z.union([CaseDimension, PeriodKind]).optional(),
    /** Add the same range a year earlier (同比) and the range just before (环比). */
    compare: z.boolean().default(false),
  }),
);

/** The largest page of the case list (about 500 kB, under the bus's 1 MB message): an export reads page by page. */
export const REPORT_CASES_PAGE_MAX = 1_000;

export const GetReportCases = query(
  'GetReportCases',
  'The cases behind a report cell (drill-down): registered in the range, filtered by the dimensions.',
  z.object({
    viewer: QueryViewer,
    ...Range,
    ...Filters,
    /** Only the cases that count in this counter (e.g. `completedLate`, `dissatisfied`). */
    metric: z.string().min(1).max(64).optional(),
    limit: z.number().int().min(1).max(REPORT_CASES_PAGE_MAX).default(100),
    /** The page after this one: the `next` of the previous page (newest first). */
    after: z.string().min(1).max(200).optional(),
    /** Also count every case that matches (an export's row count, checked against its limit). */
    withTotal: z.boolean().default(false),
  }),
);

export const GetContactCenterReport = query(
  'GetContactCenterReport',
  'Contact-center KPIs (接通率, 15 秒应答率, ASA, abandonment, AHT) per queue, agent, half-hour or day.',
  z.object({
    viewer: QueryViewer,
    ...Range,
    groupBy: z.enum(['queue', 'agent', 'interval', 'day']).optional(),
    queueId: z.string().min(1).max(64).optional(),
    agentId: z.string().min(1).max(128).optional(),
  }),
);

export const GetHotTopics = query(
  'GetHotTopics',
  'The most frequent categories, keywords and places of the last days, each with its trend.',
  z.object({
    viewer: QueryViewer,
    /** The last day included (default: today in Beijing). */
    to: ReportDay.optional(),
    days: z.number().int().min(1).max(366).default(30),
    limit: z.number().int().min(1).max(50).default(10),
  }),
);

export const GetSurges = query(
  'GetSurges',
  "Categories, keywords and places whose contacts in an hour rose k standard deviations above the same weekday and hour of the weeks before, tested on the city's counts and on each district's own (`districtId`: `city` or the district).",
  z.object({
    viewer: QueryViewer,
    /** The hour to test (its start); default: the current hour. */
    at: z.iso.datetime({ offset: true }).optional(),
    /** Hours back from `at` to test, newest first. */
    hours: z.number().int().min(1).max(48).default(6),
    k: z.number().min(1).max(10).default(3),
    weeks: z.number().int().min(2).max(12).default(4),
    /** Contacts an hour needs before it can surge; default: the service's alert threshold (REPORTING_SURGE_MIN_COUNT). */
    minCount: z.number().int().min(2).max(10_000).optional(),
  }),
);

export const GetDailyDigest = query(
  'GetDailyDigest',
  "The leaders' daily digest (要情) of a day: new, completed, overdue, hot topics, surges, serious and dissatisfied cases.",
  z.object({ viewer: QueryViewer, date: ReportDay.optional() }),
);

/** The assessment's weights per measure (points out of 100); the city's own when absent. */
export const AssessmentWeights = z.object({
  signedOnTime: z.number().min(0).max(100),
  returns: z.number().min(0).max(100),
  completedOnTime: z.number().min(0).max(100),
  redo: z.number().min(0).max(100),
  satisfaction: z.number().min(0).max(100),
  repeatContacts: z.number().min(0).max(100),
});
export type AssessmentWeights = z.infer<typeof AssessmentWeights>;

export const GetUnitScorecards = query(
  'GetUnitScorecards',
  "Each unit's scorecard (承办数, 签收及时率, 退回率, 按期办结率, 重办率, 满意率, repeat contacts), its 100-point score and rank.",
  z.object({
    viewer: QueryViewer,
    ...Range,
    districtId: z.string().min(1).max(64).optional(),
    weights: AssessmentWeights.optional(),
  }),
);

export const reportingQueries = [
  GetKpiReport,
  GetReportCases,
  GetContactCenterReport,
  GetHotTopics,
  GetSurges,
  GetDailyDigest,
  GetUnitScorecards,
] as const;
