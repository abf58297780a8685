import type { CallerCheck } from '@hotline/contracts';
import type { ReadDocument, ReadStore } from '@hotline/infra/read-store';
import { IntakeCollection } from './intake-collections';

interface BlocklistDocument extends ReadDocument {
  _id: string;
  blocked: boolean;
  reason?: string;
  expiresAt?: string | null;
}

/** Whether a number is blocked now: blocked and not yet expired. */
export class BlocklistReader {
  constructor(private readonly store: ReadStore) {}

  async check(phone: string, now: Date): Promise<CallerCheck> {
    const doc = await this.store
      .collection<BlocklistDocument>(IntakeCollection.blocklist)
      .findOne({ _id: phone });
    const expired = doc?.expiresAt ? Date.parse(doc.expiresAt) <= now.getTime() : false;
    if (!doc?.blocked || expired) return { phone, blocked: false };
    return {
      phone,
      blocked: true,
      ...(doc.reason ? { reason: doc.reason } : {}),
      ...(doc.expiresAt ? { expiresAt: doc.expiresAt } : {}),
    };
  }
}
