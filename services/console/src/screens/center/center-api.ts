import type {
  BadgeCounts,
  CaseChannel,
  CaseDetailView,
  CaseSearchResult,
  CaseStatus,
  CaseTimelineEntry,
  CaseType,
  CenterCounts,
  PublicRecordReviewPage,
  ReturnReason,
  UnitView,
} from '@hotline/contracts';
import { apiGet, apiPost, newCommandId, type QueryValue } from '../../api/http';

export type { CaseDetailView, CaseStatus, CaseTimelineEntry, CaseType, CenterCounts, ReturnReason, UnitView };

export const CASE_STATUSES = [
  'registered',
  'dispatched',
  'returned',
  'signed',
  'replied',
  'completed',
  'closed',
  'declined',
  'merged',
] as const satisfies readonly CaseStatus[];

export const CASE_CHANNELS = [
  'phone',
  'voicemail',
  'web',
  'sms',
  'email',
  'wechat',
  'app',
  'mayor-mailbox',
  'open311',
  'district-platform',
] as const satisfies readonly CaseChannel[];

export const CASE_COLOURS = ['green', 'yellow', 'red'] as const;
export type CaseColourValue = (typeof CASE_COLOURS)[number];

/** The search form as the URL keeps it: every value a string, lists comma-separated. */
export type CaseQuery = Record<string, QueryValue>;

/** What a case command answers; `position` is the read-after-write token for `minPosition`. */
export interface CommandReply {
  position: number;
  idempotent?: boolean;
}

const path = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;

export const searchCases = (query: CaseQuery): Promise<CaseSearchResult> =>
  apiGet<CaseSearchResult>('/api/cases', query);

export const getCase = (caseId: string, minPosition?: number): Promise<CaseDetailView> =>
  apiGet<CaseDetailView>(path(caseId), { minPosition });

export const getTimeline = (caseId: string, minPosition?: number): Promise<CaseTimelineEntry[]> =>
  apiGet<CaseTimelineEntry[]>(`${path(caseId)}/timeline`, { minPosition });

export const getRepeats = (caseId: string): Promise<{ repeats: number; lastContactAt?: string }> =>
  apiGet<{ repeats: number; lastContactAt?: string }>(`${path(caseId)}/repeats`);

export const getBadges = (): Promise<BadgeCounts> => apiGet<BadgeCounts>('/api/badges');

export const listUnits = (includeInactive = false): Promise<UnitView[]> =>
  apiGet<UnitView[]>('/api/units', { includeInactive });

/**
 * Sends one case action (`POST /api/cases/:caseId/<action>`). The caller keeps `commandId` for the
 * dialog's lifetime, so pressing the button again after a network error applies the action once.
 */
export const caseAction = (
  caseId: string,
  action: string,
  body: Record<string, unknown>,
  commandId: string,
): Promise<CommandReply> => apiPost<CommandReply>(`${path(caseId)}/${action}`, { commandId, ...body });

export { newCommandId };

/** 办件公开审核: closed cases waiting for the center's review, with the words proposed for publication. */
export const listPublicRecordReviews = (minPosition?: number): Promise<PublicRecordReviewPage> =>
  apiGet<PublicRecordReviewPage>('/api/public-record/reviews', { pageSize: 20, minPosition });
