import { reportingQueries } from './reporting.queries';

/** Reporting owns no stream: it answers queries from projections of every service's events. */
export const reportingDefinitions = [...reportingQueries] as const;
