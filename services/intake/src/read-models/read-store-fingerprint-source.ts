import type { ReadDocument, ReadStore } from '@hotline/infra/read-store';
import type { CaseFingerprintSource, FingerprintLookup } from '../duplicates/case-fingerprint-source.port';
import type { CaseFingerprint } from '../duplicates/duplicate-scorer';
import { contentShingles } from '../duplicates/text-fingerprint';
import { IntakeCollection } from './intake-collections';

interface FingerprintDocument extends ReadDocument {
  _id: string;
  caseNumber?: string;
  phone?: string | null;
  categoryCode?: string;
  placeKeys?: string[];
  content?: string;
  open?: boolean;
  registeredAt?: string;
}

/** Place keys looked up per contact; a text rarely names more places that matter. */
const MAX_PLACE_ROUTES = 6;

/**
 * Candidate cases from the fingerprint read model: one indexed equality lookup per route (the
 * caller's phone, each place-and-category key, each LSH band), so the cost does not grow with the
 * number of open cases.
 */
export class ReadStoreFingerprintSource implements CaseFingerprintSource {
  constructor(private readonly store: ReadStore) {}

  async candidates(lookup: FingerprintLookup, perRoute: number): Promise<CaseFingerprint[]> {
    const collection = this.store.collection<FingerprintDocument>(IntakeCollection.caseFingerprints);
    const routes = [
      ...(lookup.phone
        ? [collection.find({ phone: lookup.phone }, { sort: { registeredAt: -1 }, limit: perRoute })]
        : []),
      ...lookup.placeCategoryKeys
        .slice(0, MAX_PLACE_ROUTES)
        .map((key) => collection.find({ placeCategoryKeys: key }, { limit: perRoute })),
      ...lookup.bandKeys.map((band) => collection.find({ bands: band }, { limit: perRoute })),
    ];
    const found = new Map<string, FingerprintDocument>();
    for (const docs of await Promise.all(routes)) for (const doc of docs) found.set(doc._id, doc);
    return [...found.values()]
      .filter((doc) => doc.content !== undefined && doc.registeredAt !== undefined)
      .map((doc) => ({
        caseId: doc._id,
        ...(doc.caseNumber ? { caseNumber: doc.caseNumber } : {}),
        ...(doc.phone ? { phone: doc.phone } : {}),
        ...(doc.categoryCode ? { categoryCode: doc.categoryCode } : {}),
        placeKeys: doc.placeKeys ?? [],
        shingles: contentShingles(doc.content ?? ''),
        open: doc.open === true,
        registeredAt: doc.registeredAt ?? '',
      }));
  }

  /** The case number of a case, when its registration has reached the read model. */
  async caseNumberOf(caseId: string): Promise<string | undefined> {
    const doc = await this.store
      .collection<FingerprintDocument>(IntakeCollection.caseFingerprints)
      .findOne({ _id: caseId });
    return doc?.caseNumber;
  }
}
