import type {
  CaseDetailView,
  CaseTimelineEntry,
  InboxList,
  ReturnReason,
  UnitInboxView,
  AttachmentRef,
} from '@hotline/contracts';
import { apiGet, apiPost, newCommandId } from '../../api/http';

export const INBOX_LISTS: readonly InboxList[] = [
  'to-sign',
  'in-progress',
  'due-soon',
  'overdue',
  'returned',
  'extension-pending',
];

export const RETURN_REASONS: readonly ReturnReason[] = [
  'not-responsible',
  'outside-jurisdiction',
  'wrong-level',
  'insufficient-information',
  'legal-channel-required',
  'other',
];

/** What a case command answers; `position` reads the change back (`minPosition`). */
export interface CommandResult {
  position?: number;
}

export const getInbox = (unitId: string, list: InboxList, page: number, minPosition?: number) =>
  apiGet<UnitInboxView>(`/api/units/${encodeURIComponent(unitId)}/inbox`, {
    list,
    page,
    pageSize: 20,
    minPosition,
  });

export const getCase = (caseId: string, minPosition?: number) =>
  apiGet<CaseDetailView>(`/api/cases/${encodeURIComponent(caseId)}`, { minPosition });

export const getTimeline = (caseId: string, minPosition?: number) =>
  apiGet<CaseTimelineEntry[]>(`/api/cases/${encodeURIComponent(caseId)}/timeline`, { minPosition });

const act = (caseId: string, action: string, body: Record<string, unknown>, commandId: string) =>
  apiPost<CommandResult>(`/api/cases/${encodeURIComponent(caseId)}/${action}`, { commandId, ...body });

/** The unit's case commands; each takes the commandId of the attempt so a retry is applied once. */
export const unitCommands = {
  sign: (caseId: string, commandId = newCommandId()) => act(caseId, 'sign', {}, commandId),
  return: (
    caseId: string,
    body: { reason: ReturnReason; explanation: string; basis: string },
    commandId = newCommandId(),
  ) => act(caseId, 'return', body, commandId),
  requestExtension: (
    caseId: string,
    body: { reason: string; requestedDueAt: string },
    commandId = newCommandId(),
  ) => act(caseId, 'extension/request', body, commandId),
  reply: (
    caseId: string,
    body: { result: string; attachments: AttachmentRef[] },
    commandId = newCommandId(),
  ) => act(caseId, 'reply', body, commandId),
  coHandlerReply: (
    caseId: string,
    body: { result: string; attachments: AttachmentRef[] },
    commandId = newCommandId(),
  ) => act(caseId, 'co-handler-reply', body, commandId),
};
