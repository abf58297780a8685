/**
 * What the counters projection remembers of each case: the dimensions its counters go to and the
 * deadlines its steps are measured against. Also the drill-down's case list (indexed by day and unit).
 */
export interface CaseFact {
  _id: string;
  caseNumber: string;
  /** Beijing day and hour of registration: the case's period. */
  day: string;
  hour: string;
  districtId: string;
  /** The lead unit now; `-` while the center holds the case. */
  unitId: string;
  categoryCode: string;
  channel: string;
  type: string;
  urgent: boolean;
  /** The first 80 characters of the content: what the digest and the case list show. */
  summary: string;
  place: string | null;
  /** Keywords of the content (hot topics, surge clusters). */
  terms: string[];
  dispatchBy: string;
  signBy: string | null;
  dueAt: string | null;
  everDispatched: boolean;
  evaluated: boolean;
  /** The counters this case has added to, for the drill-down (`metric` filter). */
  metrics: string[];
  status: 'open' | 'completed' | 'closed' | 'answered' | 'declined' | 'merged';
  completedAt: string | null;
}

/** The lead unit while the center holds the case. */
export const CENTER = '-';
