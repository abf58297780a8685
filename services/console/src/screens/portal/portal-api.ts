import type {
  AttachmentRef,
  CitizenCaseView,
  ContactReceipt,
  KnowledgeHit,
  PublicCaseRecordPage,
} from '@hotline/contracts';
import { apiGet, apiPost } from '../../api/http';

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
