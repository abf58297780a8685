import type { SmsPart } from './sms-text';

interface Pending {
  parts: Map<number, string>;
  total: number;
  firstAt: number;
}

/**
 * Puts concatenated SMS back together: parts of one message share the sender and the reference.
 * A message whose parts do not all arrive within `maxWaitMs` is handed out as it is, marked
 * incomplete, so the citizen's text is never dropped.
 */
export class SmsReassembly {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly maxWaitMs: number) {}

  /** The whole text once the last part arrived, else undefined. */
  add(sender: string, part: SmsPart, text: string, now: Date): string | undefined {
    const key = `${sender}\u0000${part.ref}\u0000${part.total}`;
    const entry = this.pending.get(key) ?? {
      parts: new Map<number, string>(),
      total: part.total,
      firstAt: now.getTime(),
    };
    entry.parts.set(part.seq, text);
    this.pending.set(key, entry);
    if (entry.parts.size < entry.total) return undefined;
    this.pending.delete(key);
    return joinParts(entry);
  }

  /** Messages waited on too long: their sender and the parts that came, in order. */
  expire(now: Date): Array<{ sender: string; text: string; ref: number }> {
    const expired: Array<{ sender: string; text: string; ref: number }> = [];
    for (const [key, entry] of this.pending) {
      if (now.getTime() - entry.firstAt < this.maxWaitMs) continue;
      this.pending.delete(key);
      const [sender = '', ref = '0'] = key.split('\u0000');
      expired.push({ sender, ref: Number(ref), text: `${joinParts(entry)}（短信不完整）` });
    }
    return expired;
  }

  get size(): number {
    return this.pending.size;
  }
}

const joinParts = (entry: Pending): string =>
  [...entry.parts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, text]) => text)
    .join('');
