import { reportingEvents } from './reporting.events';
import { reportingQueries } from './reporting.queries';

/** Reporting answers queries from projections of every service's events; it owns only the surge alerts. */
export const reportingDefinitions = [...reportingQueries, ...reportingEvents] as const;
