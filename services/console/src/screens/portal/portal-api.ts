import type {
  AttachmentRef,
  CitizenCaseView,
  ContactReceipt,
  KnowledgeHit,
  PublicCaseRecordPage,
} from '@hotline/contracts';
import { apiGet, apiPost, newCommandId } from '../../api/http';
import type { ChatMessage } from '../../components/chat-conversation';

export interface PortalSubmission {
  commandId: string;
  caller: { name?: string; phone?: string; anonymous?: boolean };
  content: string;
  place?: { address: string; lat?: number; lng?: number };
  attachments: AttachmentRef[];
  /** The district picked: the case becomes that district's. */
  districtId?: string;
}

export const submitContact = (submission: PortalSubmission) =>
  apiPost<ContactReceipt>('/api/portal/contacts', submission);

export const lookUpCase = (caseNumber: string, phoneLast4: string) =>
  apiGet<CitizenCaseView>(`/api/public/cases/${encodeURIComponent(caseNumber)}`, { phoneLast4 });

export const searchKnowledge = (q: string) =>
  apiGet<{ hits: KnowledgeHit[] }>('/api/portal/knowledge/search', { q, limit: 10 });

export const listPublicRecord = (query: { q?: string; page: number; pageSize: number }) =>
  apiGet<PublicCaseRecordPage>('/api/public/closed-cases', query);

/** A district with its streets, as `GET /api/public/places` answers (the portal's place picker). */
export interface PlaceDistrict {
  districtId: string;
  name: string;
  streets: { unitId: string; name: string }[];
}

export const listPlaces = () => apiGet<PlaceDistrict[]>('/api/public/places');

/** What the survey link opens: the case number and whether it was answered (a bad link is refused). */
export interface SurveyPageView {
  caseNumber?: string;
  answered: boolean;
  expiresAt: string;
}

export interface SurveyRatings {
  efficiency: string;
  attitude: string;
  result: string;
}

export const getSurveyPage = (token: string) =>
  apiGet<SurveyPageView>(`/api/public/surveys/${encodeURIComponent(token)}`);

export const answerSurvey = (
  token: string,
  answer: { commandId: string; ratings: SurveyRatings; comment?: string; optOut: boolean },
) => apiPost<{ events: unknown[] }>(`/api/public/surveys/${encodeURIComponent(token)}/answer`, answer);

/** A web chat as the citizen sees it (`GET /api/portal/chats/{chatId}`). */
export interface PortalChat {
  chatId: string;
  status: 'waiting' | 'connected' | 'ended';
  position?: number;
  expectedWaitSeconds?: number;
  messages: ChatMessage[];
  caseNumber?: string;
}

export const openChat = (opening: { commandId: string; text: string; name?: string; phone?: string }) =>
  apiPost<{ chatId: string; queued: boolean }>('/api/portal/chats', opening);

export const getChat = async (chatId: string): Promise<PortalChat> => ({
  ...(await apiGet<Omit<PortalChat, 'chatId'>>(`/api/portal/chats/${encodeURIComponent(chatId)}`)),
  chatId,
});

export const sendChatMessage = (chatId: string, text: string) =>
  apiPost<unknown>(`/api/portal/chats/${encodeURIComponent(chatId)}/messages`, {
    commandId: newCommandId(),
    text,
  });

/** The citizen leaves the chat (the queue, or the agent); the same chat left twice changes nothing more. */
export const leaveChat = (chatId: string) =>
  apiPost<{ status: 'ended' }>(`/api/portal/chats/${encodeURIComponent(chatId)}/leave`, {
    commandId: newCommandId(),
  });
