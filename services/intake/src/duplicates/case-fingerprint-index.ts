import type { Place } from '@hotline/contracts';
import type { MinHasher } from '../text/min-hash';
import {
  placeCategoryKey,
  type CaseFingerprintSource,
  type FingerprintLookup,
} from './case-fingerprint-source.port';
import type { CaseFingerprint } from './duplicate-scorer';
import { placeKeysOf } from './place-keys';
import { contentBandKeys, contentShingles } from './text-fingerprint';

/** A case as registered, before it is fingerprinted. */
export interface RegisteredCase {
  caseId: string;
  caseNumber?: string;
  phone?: string;
  categoryCode: string;
  content: string;
  place?: Place;
  registeredAt: string;
}

/** Enough of the content to compare: repeats are recognised by their first sentences. */
const CONTENT_KEPT = 1000;
/** Place keys looked up per contact; a text rarely names more places that matter. */
const MAX_PLACE_ROUTES = 6;

/** A fingerprint with the number of the last lookup that took it (each case once per lookup). */
type Indexed = CaseFingerprint & { lookup: number };
/** One case, or the cases in the order they were registered: most keys hold a single case. */
type Bucket = Indexed | Indexed[];

function addTo<K>(routes: Map<K, Bucket>, key: K, fingerprint: Indexed): void {
  const bucket = routes.get(key);
  if (bucket === undefined) routes.set(key, fingerprint);
  else if (Array.isArray(bucket)) bucket.push(fingerprint);
  else routes.set(key, [bucket, fingerprint]);
}

/** The newest `limit` cases of a bucket not taken yet by lookup `lookup`, into `found`. */
function newest(bucket: Bucket | undefined, limit: number, lookup: number, found: CaseFingerprint[]): void {
  if (bucket === undefined) return;
  if (!Array.isArray(bucket)) {
    if (bucket.lookup !== lookup) {
      bucket.lookup = lookup;
      found.push(bucket);
    }
    return;
  }
  for (let i = bucket.length - 1; i >= 0 && i >= bucket.length - limit; i--) {
    const fingerprint = bucket[i] as Indexed;
    if (fingerprint.lookup !== lookup) {
      fingerprint.lookup = lookup;
      found.push(fingerprint);
    }
  }
}

/**
 * The duplicate index: every case's fingerprint in memory, reachable by three routes (the caller's
 * phone; each place within the category; each MinHash LSH band of the content). A lookup reads a
 * few buckets and scores at most a few dozen cases, however many cases are open; the shingles are
 * computed once, when a case is registered. Kept incrementally by `CaseFingerprintFollower` from
 * the case events, so it is rebuilt at start like any read model; about 0.5 KB a case.
 */
export class CaseFingerprintIndex implements CaseFingerprintSource {
  private readonly byCase = new Map<string, Indexed>();
  private lookups = 0;
  private readonly byPhone = new Map<string, Bucket>();
  private readonly byPlace = new Map<string, Bucket>();
  private readonly byBand = new Map<number, Bucket>();

  constructor(private readonly hasher: MinHasher) {}

  get size(): number {
    return this.byCase.size;
  }

  /** Adds a registered case, open. A registration seen again (a redelivery) only refreshes it. */
  register(registered: RegisteredCase): void {
    const known = this.byCase.get(registered.caseId);
    if (known) {
      known.open = true;
      if (registered.caseNumber) known.caseNumber = registered.caseNumber;
      return;
    }
    const content = registered.content.slice(0, CONTENT_KEPT);
    const placeKeys = placeKeysOf(registered.place, content);
    const shingles = contentShingles(content);
    const fingerprint: Indexed = {
      caseId: registered.caseId,
      ...(registered.caseNumber ? { caseNumber: registered.caseNumber } : {}),
      ...(registered.phone ? { phone: registered.phone } : {}),
      categoryCode: registered.categoryCode,
      placeKeys,
      shingles,
      open: true,
      registeredAt: registered.registeredAt,
      lookup: 0,
    };
    this.byCase.set(fingerprint.caseId, fingerprint);
    if (registered.phone) addTo(this.byPhone, registered.phone, fingerprint);
    for (const key of placeKeys)
      addTo(this.byPlace, placeCategoryKey(key, registered.categoryCode), fingerprint);
    for (const band of contentBandKeys(shingles, this.hasher)) addTo(this.byBand, band, fingerprint);
  }

  /** A case concluded (completed, closed, merged, declined, answered) or redone. */
  setOpen(caseId: string, open: boolean): void {
    const fingerprint = this.byCase.get(caseId);
    if (fingerprint) fingerprint.open = open;
  }

  caseNumberOf(caseId: string): string | undefined {
    return this.byCase.get(caseId)?.caseNumber;
  }

  candidates(lookup: FingerprintLookup, perRoute: number): CaseFingerprint[] {
    const found: CaseFingerprint[] = [];
    const id = ++this.lookups;
    if (lookup.phone) newest(this.byPhone.get(lookup.phone), perRoute, id, found);
    for (const key of lookup.placeCategoryKeys.slice(0, MAX_PLACE_ROUTES)) {
      newest(this.byPlace.get(key), perRoute, id, found);
    }
    for (const band of lookup.bandKeys) newest(this.byBand.get(band), perRoute, id, found);
    return found;
  }
}
