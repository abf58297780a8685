import type { CaseEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection } from '@hotline/infra/projection';
import { placeCategoryKey } from '../duplicates/case-fingerprint-source.port';
import { placeKeysOf } from '../duplicates/place-keys';
import { contentBandKeys, contentShingles } from '../duplicates/text-fingerprint';
import type { MinHasher } from '../text/min-hash';
import { IntakeCollection } from './intake-collections';

const FINGERPRINTS = IntakeCollection.caseFingerprints;
/** Enough of the content to compare: repeats are recognised by their first sentences. */
const CONTENT_KEPT = 1000;

/** The case events that open or end a case for duplicate detection. */
const CASE_EVENTS: Array<CaseEvent['type']> = [
  'CaseRegistered',
  'CaseMerged',
  'CaseDeclined',
  'CaseAnsweredAtIntake',
  'CaseCompleted',
  'CaseClosed',
  'CaseRedone',
];

/**
 * What duplicate detection compares a contact with, one document per case, from the workflow's
 * events: the caller's phone, the place keys within the category and the content's LSH band keys,
 * each indexed as one lookup route. A case stops being "open" once it is completed, closed, merged,
 * declined or answered at intake, and is open again when redone.
 */
export const caseFingerprintsProjection = (hasher: MinHasher): Projection => ({
  name: 'intake-case-fingerprints',
  version: 1,
  collections: [FINGERPRINTS],
  filter: { eventTypes: CASE_EVENTS },
  async setup(store) {
    const fingerprints = store.collection(FINGERPRINTS);
    await fingerprints.createIndex({ phone: 1 });
    await fingerprints.createIndex({ placeCategoryKeys: 1 });
    await fingerprints.createIndex({ bands: 1 });
  },
  handle(event: RecordedEvent, _store, context) {
    const caseEvent = { type: event.type, data: event.data } as CaseEvent;
    const caseId = caseEvent.data.caseId;
    if (caseEvent.type === 'CaseRegistered') {
      const { caseNumber, citizen, categoryCode, content, place } = caseEvent.data;
      const placeKeys = placeKeysOf(place, content);
      context.guardedUpdate(FINGERPRINTS, caseId, {
        $set: {
          caseNumber,
          phone: citizen.phone ?? null,
          categoryCode,
          placeKeys,
          placeCategoryKeys: placeKeys.map((key) => placeCategoryKey(key, categoryCode)),
          bands: contentBandKeys(contentShingles(content), hasher),
          content: content.slice(0, CONTENT_KEPT),
          open: true,
          registeredAt: event.time,
          districtId: event.metadata.districtId,
        },
      });
    } else {
      context.guardedUpdate(FINGERPRINTS, caseId, { $set: { open: caseEvent.type === 'CaseRedone' } });
    }
    return Promise.resolve();
  },
});
