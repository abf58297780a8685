import type { CallerCheck } from '@hotline/contracts';
import type { ReadDocument, ReadStore } from '@hotline/infra/read-store';
import { IntakeCollection } from '../read-models/intake-collections';

interface BlocklistDocument extends ReadDocument {
  _id: string;
  blocked: boolean;
  reason?: string;
  expiresAt?: string | null;
}

interface Entry {
  reason?: string;
  expiresAt?: string;
}

/**
 * Whether a number is blocked now: blocked and not yet expired. Every contact asks, so the blocked
 * numbers (a short list) are held in memory: loaded from the read model at start, then kept by the
 * blocklist projection as it applies each event, so a query that waited for the projection's
 * position (`minPosition`) sees what the read model says.
 */
export class BlocklistReader {
  private readonly blocked = new Map<string, Entry>();

  constructor(private readonly store: ReadStore) {}

  /** The numbers the read model holds as blocked (a restart resumes the projection past them). */
  async load(): Promise<void> {
    const docs = await this.store
      .collection<BlocklistDocument>(IntakeCollection.blocklist)
      .find({ blocked: true });
    for (const doc of docs) this.set(doc._id, doc);
  }

  /** From the projection: the number's entry, or undefined once it is unblocked. */
  set(
    phone: string,
    entry: { blocked: boolean; reason?: string; expiresAt?: string | null } | undefined,
  ): void {
    if (!entry?.blocked) {
      this.blocked.delete(phone);
      return;
    }
    this.blocked.set(phone, {
      ...(entry.reason ? { reason: entry.reason } : {}),
      ...(entry.expiresAt ? { expiresAt: entry.expiresAt } : {}),
    });
  }

  check(phone: string, now: Date): CallerCheck {
    const entry = this.blocked.get(phone);
    const expired = entry?.expiresAt ? Date.parse(entry.expiresAt) <= now.getTime() : false;
    if (!entry || expired) return { phone, blocked: false };
    return { phone, blocked: true, ...entry };
  }
}
