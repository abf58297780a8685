import { z } from 'zod';
import { defineCommand, defineEvent, defineQuery } from '../messages/define';
import { Actor } from '../kernel/actor';
import { DistrictId } from '../kernel/ids';
import { QueryViewer } from '../workflow/queries/query-viewer';
import { IsoDateTime } from '../workflow/case.values';
import { REPORTING_SERVICE } from './reporting.queries';

export { CASE_KPI_KEYS, LOWER_IS_BETTER_KPIS, type CaseKpiKey } from './kpi-keys';

/** The stream category of the KPI targets: one stream for the city, `kpiTargets-city`. */
export const KPI_TARGETS_CATEGORY = 'kpiTargets';
export const KPI_TARGETS_ID = 'city';

/**
 * Targets by KPI, each a ratio from 0 to 1 (the minimum, or a lower-is-better KPI's maximum). The
 * keys and ranges are checked by the decider, which names the KPI that is wrong.
 */
export const KpiTargetTable = z.record(z.string().min(1).max(64), z.number());
export type KpiTargetTable = z.infer<typeof KpiTargetTable>;

/** Who set the targets and when, as the dashboards say it. */
export const KpiTargetsSetter = Actor.pick({ id: true, name: true });

export const SetKpiTargets = defineCommand({
  type: 'SetKpiTargets',
  service: REPORTING_SERVICE,
  summary:
    "The center sets every KPI's target for the city, and optionally a district's own; replaces the targets in force (REPORTING_KPI_TARGETS until the first edit). Refused when the targets changed since `expectedVersion`.",
  schema: z.object({
    /** The version of the targets the editor saw (0: the setting's, never edited). */
    expectedVersion: z.number().int().min(0),
    targets: KpiTargetTable,
    /** A district's own targets over the city's, by district id. */
    districtTargets: z.record(DistrictId, KpiTargetTable).default({}),
  }),
});

export const KpiTargetsSet = defineEvent({
  type: 'KpiTargetsSet',
  version: 1,
  category: KPI_TARGETS_CATEGORY,
  summary:
    "The KPIs' targets were set: the city's and each district's own, with who set them and when; every report and dashboard measures against them from then on.",
  schema: z.object({
    version: z.number().int().min(1),
    targets: KpiTargetTable,
    districtTargets: z.record(DistrictId, KpiTargetTable),
    setBy: KpiTargetsSetter,
    setAt: IsoDateTime,
  }),
});
export type KpiTargetsSetData = z.infer<(typeof KpiTargetsSet)['schema']>;

export const GetKpiTargets = defineQuery({
  type: 'GetKpiTargets',
  service: REPORTING_SERVICE,
  summary:
    "The KPIs' targets in force: the city's, each district's own, their version and who set them when (none before the first edit: the setting's).",
  schema: z.object({ viewer: QueryViewer }),
});

export const kpiTargetsCommands = [SetKpiTargets] as const;
export const kpiTargetsEvents = [KpiTargetsSet] as const;
