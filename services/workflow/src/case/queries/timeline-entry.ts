import type { CaseTimelineEntry } from '@hotline/contracts';

/** A stored timeline line (`_id` is the event id; older documents may lack `details`). */
export type TimelineDocument = Omit<CaseTimelineEntry, 'eventId' | 'details'> & {
  _id: string;
  caseId: string;
  details?: CaseTimelineEntry['details'];
};

/** A timeline line as the queries answer it: the stored fields the contract names, nothing else. */
export const timelineEntryOf = ({
  _id,
  revision,
  type,
  at,
  actor,
  summary,
  details,
}: TimelineDocument): CaseTimelineEntry => ({
  eventId: _id,
  revision,
  type,
  at,
  actor,
  summary,
  details: details ?? {},
});
