import {
  CITY_DISTRICT,
  districtOfAddress,
  districtPlaceName,
  type ContactEvent,
  type DistrictPlace,
  type RecordedEvent,
} from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadDocument, ReadStore, UpdateOperators } from '@hotline/infra/read-store';
import { IntakeCollection } from '../read-models/intake-collections';

const CONTACTS = IntakeCollection.contacts;
const DISTRICTS = IntakeCollection.districts;

type DistrictDocument = ReadDocument & { name: string; active: boolean };

function updateOf(event: ContactEvent, time: string, districtId: string): UpdateOperators {
  const concluded = (outcome: string, extra: Record<string, unknown> = {}): UpdateOperators => ({
    $set: { outcome, open: false, concludedAt: time, ...extra },
  });
  switch (event.type) {
    case 'ContactRecorded': {
      const { contactId: _id, ...contact } = event.data;
      return {
        $set: {
          ...contact,
          districtId,
          phone: contact.caller.phone ?? null,
          attachmentCount: contact.attachments.length,
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
    case 'ChatMessagePosted':
      return { $set: { lastChatMessageAt: event.data.at } };
    default: {
      const unknown: never = event;
      throw new Error(`unknown contact event ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The district of a contact recorded city-wide (a web form without a district picked, an SMS, a
 * mail): the one its place or the caller's address names, so the district's staff see it and the
 * case registered from it is the district's. A contact recorded in a district keeps that district.
 */
async function districtOfContact(
  event: Extract<ContactEvent, { type: 'ContactRecorded' }>,
  recordedIn: string,
  store: ReadStore,
): Promise<{ districtId: string; derived: boolean }> {
  const address = event.data.place?.address ?? event.data.caller.address;
  if (recordedIn !== CITY_DISTRICT || address === undefined)
    return { districtId: recordedIn, derived: false };
  const districts: DistrictPlace[] = (
    await store.collection<DistrictDocument>(DISTRICTS).find({ active: true })
  ).map((d) => ({ districtId: String(d._id), name: d.name }));
  const derived = districtOfAddress(address, districts);
  return derived === undefined
    ? { districtId: recordedIn, derived: false }
    : { districtId: derived, derived: true };
}

/** The city's districts as places, from the workflow's unit events (the district office's unit id is the district's). */
function handleUnitEvent(event: RecordedEvent, context: ProjectionContext): void {
  const data = event.data as { unitId: string; name?: string; level?: string };
  if (event.type === 'UnitRegistered' && data.level === 'district' && data.name !== undefined) {
    context.guardedUpdate(DISTRICTS, data.unitId, {
      $set: { name: districtPlaceName(data.name), active: true },
    });
  } else if (event.type === 'UnitDeactivated') {
    // Only districts have documents; deactivating another unit must not create one.
    context.delete(DISTRICTS, data.unitId);
  }
}

/**
 * The contact log: every contact with its assessment, attachments, place and outcome. Caller
 * history reads it by the indexed `phone`, the repeat count of a case by `caseId`, the agents'
 * queue by `open`. Version 2: attachments and the district named by the address.
 */
export const contactLogProjection = (): Projection => ({
  name: 'intake-contacts',
  version: 2,
  collections: [CONTACTS, DISTRICTS],
  filter: { streamPrefixes: ['contact-', 'unit-'] },
  async setup(store) {
    const contacts = store.collection(CONTACTS);
    await contacts.createIndex({ phone: 1 });
    await contacts.createIndex({ caseId: 1 });
    await contacts.createIndex({ open: 1 });
  },
  async handle(event: RecordedEvent, store, context: ProjectionContext) {
    if (event.streamId.startsWith('unit-')) {
      handleUnitEvent(event, context);
      return;
    }
    const contactEvent = { type: event.type, data: event.data } as ContactEvent;
    let districtId = event.metadata.districtId;
    let derived = false;
    if (contactEvent.type === 'ContactRecorded') {
      ({ districtId, derived } = await districtOfContact(contactEvent, districtId, store));
    }
    const update = updateOf(contactEvent, event.time, districtId);
    if (derived) update.$set = { ...update.$set, districtFrom: 'address' };
    context.guardedUpdate(CONTACTS, contactEvent.data.contactId, update);
  },
});
