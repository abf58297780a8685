import type { CaseEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import type { CaseFingerprintIndex, RegisteredCase } from './case-fingerprint-index';

export const CASE_FINGERPRINTS = 'intake_case_fingerprints';

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

/** Enough of the content to compare (the index keeps as much). */
const CONTENT_KEPT = 1000;

type FingerprintDocument = Partial<RegisteredCase> & { _id: string; open: boolean };

/**
 * The duplicate index's cases, kept in the read store from the workflow's case events (a
 * registration adds the case, open; completing, closing, merging, declining or answering it at
 * intake ends it; a redo opens it again) and applied to this process's in-memory index as they
 * come. At start the index is loaded with the cases that can still match (see
 * `loadCaseFingerprints`) and the projection resumes from its checkpoint: neither start time nor
 * memory grows with the whole history. Applying an event twice changes nothing.
 */
export function caseFingerprintsProjection(index: CaseFingerprintIndex): Projection {
  return {
    name: 'intake-case-fingerprints',
    version: 1,
    collections: [CASE_FINGERPRINTS],
    filter: { eventTypes: CASE_EVENTS },
    async setup(store) {
      const fingerprints = store.collection(CASE_FINGERPRINTS);
      await fingerprints.createIndex({ open: 1 });
      await fingerprints.createIndex({ registeredAt: 1 });
    },
    async handle(event: RecordedEvent, _store, context) {
      const caseEvent = { type: event.type, data: event.data } as CaseEvent;
      if (caseEvent.type === 'CaseRegistered') {
        const { caseId, caseNumber, citizen, categoryCode, content, place } = caseEvent.data;
        const registered: RegisteredCase = {
          caseId,
          caseNumber,
          categoryCode,
          content: content.slice(0, CONTENT_KEPT),
          registeredAt: event.time,
          ...(citizen.phone ? { phone: citizen.phone } : {}),
          ...(place ? { place } : {}),
        };
        index.register(registered);
        context.guardedUpdate(CASE_FINGERPRINTS, caseId, { $set: { ...registered, open: true } });
        return;
      }
      const open = caseEvent.type === 'CaseRedone';
      index.setOpen(caseEvent.data.caseId, open);
      context.guardedUpdate(CASE_FINGERPRINTS, caseEvent.data.caseId, { $set: { open } });
    },
  };
}

/**
 * Puts the cases that can still be duplicates into the index: the open ones, and those registered
 * since `since` (the same-caller window), concluded or not. Returns how many.
 */
export async function loadCaseFingerprints(
  store: ReadStore,
  index: CaseFingerprintIndex,
  since: string,
): Promise<number> {
  const docs = await store
    .collection<FingerprintDocument>(CASE_FINGERPRINTS)
    .find({ $or: [{ open: true }, { registeredAt: { $gte: since } }] }, { sort: { registeredAt: 1 } });
  let loaded = 0;
  for (const { _id, open, caseId, categoryCode, content, registeredAt, ...rest } of docs) {
    // A stub (an end event of a case registered before this projection existed) cannot be matched.
    if (categoryCode === undefined || content === undefined || registeredAt === undefined) continue;
    index.register({ ...rest, caseId: caseId ?? _id, categoryCode, content, registeredAt });
    if (!open) index.setOpen(_id, false);
    loaded++;
  }
  return loaded;
}
