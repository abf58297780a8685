import { GetKpiTargets, kpiTargetsCommands, kpiTargetsEvents } from './kpi-targets';
import { reportingEvents } from './reporting.events';
import { reportingQueries } from './reporting.queries';

/**
 * Reporting answers queries from projections of every service's events; it owns only the surge
 * alerts and the KPIs' targets.
 */
export const reportingDefinitions = [
  ...reportingQueries,
  GetKpiTargets,
  ...reportingEvents,
  ...kpiTargetsCommands,
  ...kpiTargetsEvents,
] as const;
