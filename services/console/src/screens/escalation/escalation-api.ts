import type {
  DeadlineBoardRow,
  EmergencyReportView,
  ReminderView,
  SupervisionLedgerRow,
} from '@hotline/contracts';
import { apiGet, apiPost, type QueryValue } from '../../api/http';

/** The near-due (yellow) and overdue (red) open cases, most urgent first; a unit user gets its own. */
export const getDeadlineBoard = (limit = 20) =>
  apiGet<DeadlineBoardRow[]>('/api/escalation/deadline-board', { limit });

/** Emergency cases reported to the emergency management office, newest first (the center's). */
export const listEmergencyReports = (limit = 20) =>
  apiGet<EmergencyReportView[]>('/api/escalation/emergency-reports', { limit });

export const listReminders = (query: Record<string, QueryValue> = {}) =>
  apiGet<{ reminders: ReminderView[]; unread: number }>('/api/escalation/reminders', { limit: 50, ...query });

export const sendReminder = (commandId: string, reminderId: string, caseId: string, note: string) =>
  apiPost<{ position: number }>('/api/escalation/reminders', { commandId, reminderId, caseId, note });

export const markReminderRead = (commandId: string, reminderId: string) =>
  apiPost<{ position: number }>(`/api/escalation/reminders/${encodeURIComponent(reminderId)}/read`, {
    commandId,
  });

/** The ledger's filters, as the ledger route and its Excel export take them. */
export type LedgerFilters = Record<'status' | 'scope' | 'level' | 'from' | 'to', string | undefined>;

export const getLedger = (filters: Partial<LedgerFilters>) =>
  apiGet<SupervisionLedgerRow[]>('/api/escalation/supervisions', { limit: 200, ...filters });

export function ledgerExportHref(filters: Partial<LedgerFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  const query = params.toString();
  return `/api/escalation/supervisions/export${query ? `?${query}` : ''}`;
}

export const noticeHref = (supervisionId: string) =>
  `/api/escalation/supervisions/${encodeURIComponent(supervisionId)}/notice`;

export const closeSupervision = (
  commandId: string,
  supervisionId: string,
  verdict: 'rectified' | 'not-rectified',
  comment: string,
) =>
  apiPost<{ position: number }>(`/api/escalation/supervisions/${encodeURIComponent(supervisionId)}/close`, {
    commandId,
    verdict,
    comment,
  });

export const respondToSupervision = (commandId: string, supervisionId: string, response: string) =>
  apiPost<{ position: number }>(
    `/api/escalation/supervisions/${encodeURIComponent(supervisionId)}/response`,
    { commandId, response },
  );
