import { z } from 'zod';
import { defineEvent } from '../messages/define';
import { IsoDateTime } from '../workflow/case.values';

/** The stream category of surge alerts (`surge-<alertId>`): one stream, one event per surge and hour. */
export const SURGE_CATEGORY = 'surge';

export const SurgeKind = z.enum(['category', 'term', 'place']);
export type SurgeKind = z.infer<typeof SurgeKind>;

export const surgeStreamId = (alertId: string): string => `${SURGE_CATEGORY}-${alertId}`;

/** Case numbers an alert names at most (the whole cluster is in GetSurges). */
export const SURGE_CASE_NUMBERS_MAX = 50;

export const SurgeDetected = defineEvent({
  type: 'SurgeDetected',
  version: 1,
  category: SURGE_CATEGORY,
  summary:
    "Contacts about a category, keyword or place in an hour rose k standard deviations above the same weekday and hour of the weeks before. Tested on the city's counts and on each district's own. Once per surge, hour and district: the stream `surge-<alertId>` holds only this event, its id derived from the kind, key, hour and district. Pushed to supervisors' live channel.",
  schema: z.object({
    /** Derived from the kind, key, hour and district (24 hex digits): the same on every replica, after any restart. */
    alertId: z.string().regex(/^[0-9a-f]{24}$/),
    kind: SurgeKind,
    /** The category code, the keyword or the place. */
    key: z.string().min(1).max(200),
    /**
     * The district whose own counts surged against its own baseline (a storm in one district); absent
     * when the city's counts did. Part of the alert id: the same key may surge in two districts.
     */
    districtId: z.string().min(1).max(64).optional(),
    /** What the reader sees: the category's name, the keyword or the place (zh-CN). */
    label: z.string().min(1).max(200),
    /** The start of the hour that surged. */
    hour: IsoDateTime,
    count: z.number().int().min(0),
    baselineMean: z.number().min(0),
    /** Districts of the cluster's cases: a district's supervisors see the alerts that touch it. */
    districtIds: z.array(z.string().min(1).max(64)).max(100),
    caseCount: z.number().int().min(0),
    caseNumbers: z.array(z.string().min(1).max(32)).max(SURGE_CASE_NUMBERS_MAX),
    /** The IVR announcement proposed for the queue (zh-CN). */
    announcement: z.string().min(1).max(500),
    detectedAt: IsoDateTime,
  }),
});
export type SurgeDetectedData = z.infer<(typeof SurgeDetected)['schema']>;

export const reportingEvents = [SurgeDetected] as const;
