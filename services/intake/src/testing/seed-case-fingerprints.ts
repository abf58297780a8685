import type { ReadStore } from '@hotline/infra/read-store';
import { placeCategoryKey } from '../duplicates/case-fingerprint-source.port';
import { placeKeysOf } from '../duplicates/place-keys';
import { contentBandKeys, contentShingles } from '../duplicates/text-fingerprint';
import { IntakeCollection } from '../read-models/intake-collections';
import { MinHasher } from '../text/min-hash';

export interface SeedCase {
  caseId: string;
  caseNumber: string;
  phone: string;
  categoryCode: string;
  content: string;
  registeredAt: string;
}

/**
 * FOR BENCHMARKS: writes open-case fingerprints straight into the read model, as the projection
 * would from CaseRegistered events, so that duplicate detection can be measured against a large
 * number of open cases without replaying a million registrations first.
 */
export async function seedCaseFingerprints(
  store: ReadStore,
  cases: Iterable<SeedCase>,
  batchSize = 5_000,
): Promise<number> {
  const hasher = new MinHasher();
  const collection = store.collection(IntakeCollection.caseFingerprints);
  let batch: Array<Record<string, unknown>> = [];
  let written = 0;
  for (const c of cases) {
    const placeKeys = placeKeysOf(undefined, c.content);
    batch.push({
      _id: c.caseId,
      caseNumber: c.caseNumber,
      phone: c.phone,
      categoryCode: c.categoryCode,
      placeKeys,
      placeCategoryKeys: placeKeys.map((key) => placeCategoryKey(key, c.categoryCode)),
      bands: contentBandKeys(contentShingles(c.content), hasher),
      content: c.content,
      open: true,
      registeredAt: c.registeredAt,
      districtId: 'city',
    });
    if (batch.length >= batchSize) {
      await collection.insertMany(batch);
      written += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) await collection.insertMany(batch);
  return written + batch.length;
}
