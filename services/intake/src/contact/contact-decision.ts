import type {
  ChatParty,
  ContactAssessment,
  ContactEvent,
  EmergencyService,
  NotAcceptedReason,
  QuarantineReason,
} from '@hotline/contracts';

type EventData<T extends ContactEvent['type']> = Extract<ContactEvent, { type: T }>['data'];

/**
 * What the contact aggregate decides on. The bus commands (RecordContact, RegisterCaseFromContact,
 * …) are turned into these by their handlers once the handler has done its I/O: classified the
 * text, asked the workflow service for a case, so the decision itself stays pure.
 */
export type ContactDecision =
  | {
      type: 'Record';
      data: {
        contact: EventData<'ContactRecorded'>;
        assessment: ContactAssessment;
        quarantine?: { reason: QuarantineReason; detail: string };
        /** What the platform decided at once (refer, merge): recorded in the same append. */
        then?: ContactConclusion;
      };
    }
  | { type: 'Quarantine'; data: { reason: QuarantineReason; detail: string } }
  | { type: 'Release'; data: { note?: string } }
  | { type: 'RecordCase'; data: { caseId: string; caseNumber?: string } }
  | ContactConclusion
  | { type: 'Answer'; data: { caseId?: string; answer: string; knowledgeArticleId?: string } }
  | { type: 'Decline'; data: { reason: NotAcceptedReason; explanation: string } }
  | { type: 'Abandon'; data: { note?: string } }
  | { type: 'MarkAsHarassment'; data: { note: string } }
  | { type: 'Reply'; data: { text: string } }
  | { type: 'PostChatMessage'; data: { from: ChatParty; text: string } };

/** The outcomes that need no other service, so they can be decided with the recording itself. */
export type ContactConclusion =
  | { type: 'Merge'; data: { caseId: string; caseNumber?: string; similarity?: number; automatic: boolean } }
  | { type: 'Refer'; data: { service: EmergencyService; explanation: string } };
