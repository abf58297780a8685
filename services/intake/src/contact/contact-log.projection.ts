import type { ContactEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { UpdateOperators } from '@hotline/infra/read-store';
import { IntakeCollection } from '../read-models/intake-collections';

const CONTACTS = IntakeCollection.contacts;

function updateOf(event: ContactEvent, time: string, districtId: string): UpdateOperators {
  const concluded = (outcome: string, extra: Record<string, unknown> = {}): UpdateOperators => ({
    $set: { outcome, open: false, concludedAt: time, ...extra },
  });
  switch (event.type) {
    case 'ContactRecorded': {
      const { contactId: _id, attachments, ...contact } = event.data;
      return {
        $set: {
          ...contact,
          districtId,
          phone: contact.caller.phone ?? null,
          attachmentCount: attachments.length,
          open: true,
          replies: 0,
        },
      };
    }
    case 'ContactAssessed':
      return { $set: { classification: event.data.classification, duplicates: event.data.duplicates } };
    case 'ContactQuarantined':
      return { $set: { quarantine: { reason: event.data.reason, detail: event.data.detail } } };
    case 'ContactReleased':
      return { $unset: { quarantine: '' } };
    case 'ContactCaseRegistered':
      return concluded('case-registered', { caseId: event.data.caseId, caseNumber: event.data.caseNumber });
    case 'ContactMergedIntoCase':
      return concluded('merged-into-case', { caseId: event.data.caseId, caseNumber: event.data.caseNumber });
    case 'ContactAnswered':
      return concluded('answered-directly', {
        caseId: event.data.caseId,
        knowledgeArticleId: event.data.knowledgeArticleId,
      });
    case 'ContactReferred':
      return concluded('referred', { referral: event.data.service });
    case 'ContactNotAccepted':
      return concluded('not-accepted', { notAccepted: event.data.reason });
    case 'ContactAbandoned':
      return concluded('abandoned');
    case 'ContactMarkedAsHarassment':
      return concluded('harassment');
    case 'ContactReplied':
      return { $inc: { replies: 1 } };
    default: {
      const unknown: never = event;
      throw new Error(`unknown contact event ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The contact log: every contact with its assessment and outcome. Caller history reads it by the
 * indexed `phone`, the repeat count of a case by `caseId`, the agents' queue by `open`.
 */
export const contactLogProjection = (): Projection => ({
  name: 'intake-contacts',
  version: 1,
  collections: [CONTACTS],
  filter: { streamPrefixes: ['contact-'] },
  async setup(store) {
    const contacts = store.collection(CONTACTS);
    await contacts.createIndex({ phone: 1 });
    await contacts.createIndex({ caseId: 1 });
    await contacts.createIndex({ open: 1 });
  },
  handle(event: RecordedEvent, _store, context: ProjectionContext) {
    const contactEvent = { type: event.type, data: event.data } as ContactEvent;
    context.guardedUpdate(
      CONTACTS,
      contactEvent.data.contactId,
      updateOf(contactEvent, event.time, event.metadata.districtId),
    );
    return Promise.resolve();
  },
});
