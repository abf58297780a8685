import { ValidationError } from '@hotline/contracts';

export interface FloodGuardOptions {
  /** Messages one sender may send within the window before the next ones are quarantined. */
  maxPerWindow: number;
  windowMs: number;
  /** Senders tracked at once; the least recently seen are forgotten first. */
  maxSenders?: number;
}

/**
 * A sliding-window count of messages per sender (a phone number, a mail address, an OpenID), for
 * the channels: beyond `maxPerWindow` within `windowMs`, a message is still recorded but
 * quarantined, so a flood neither reaches the agents' queues nor gets lost. In memory, per
 * process: a replica sees its own share of a flood, which is what it must protect.
 */
export class FloodGuard {
  private readonly seen = new Map<string, number[]>();
  private readonly maxSenders: number;

  constructor(private readonly options: FloodGuardOptions) {
    if (!Number.isInteger(options.maxPerWindow) || options.maxPerWindow < 1) {
      throw new ValidationError('maxPerWindow', 'must be a positive integer');
    }
    if (!Number.isFinite(options.windowMs) || options.windowMs <= 0)
      throw new ValidationError('windowMs', 'must be positive');
    this.maxSenders = options.maxSenders ?? 100_000;
  }

  /** Counts one message of `sender` at `now`; true when it is within the allowance. */
  admit(sender: string, now: Date): boolean {
    const t = now.getTime();
    const since = t - this.options.windowMs;
    const times = (this.seen.get(sender) ?? []).filter((at) => at > since);
    times.push(t);
    // Only whether the allowance is exceeded matters: keep at most one time beyond it.
    if (times.length > this.options.maxPerWindow + 1) times.shift();
    // Re-inserting keeps the map in least-recently-seen order for eviction.
    this.seen.delete(sender);
    this.seen.set(sender, times);
    if (this.seen.size > this.maxSenders) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return times.length <= this.options.maxPerWindow;
  }
}
