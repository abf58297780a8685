import { GetContactPlace } from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { Logger } from '@hotline/infra/telemetry';

/** What routing answers for a contact's place (`GetContactPlace`): position 1 is the next to be offered. */
type ContactPlace = { status: 'waiting'; position: number } | { status: 'connected' };

/**
 * Tells a waiting caller how many callers are ahead of them (您前面还有 N 位), from routing's own
 * count (`GetContactPlace`): once on entry, then every `everyMs` (0: on entry only). A position that
 * cannot be read is skipped (logged): the caller hears the music on, never a wrong number.
 */
export class QueuePositionAnnouncer {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly deps: { bus: BusRequests; logger: Logger },
    private readonly contactId: string,
    private readonly everyMs: number,
    private readonly announce: (ahead: number) => void,
  ) {}

  start(): void {
    if (this.stopped) return;
    void this.tell();
    if (this.everyMs > 0) this.timer = setInterval(() => void this.tell(), this.everyMs);
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private async tell(): Promise<void> {
    const place = await this.deps.bus
      .query<ContactPlace>(GetContactPlace, { contactId: this.contactId }, `ivr-position-${this.contactId}`)
      .catch((error: unknown) => {
        this.deps.logger.warn({ err: error, contactId: this.contactId }, 'the queue position was not read');
        return undefined;
      });
    // Offered or answered meanwhile: nothing to tell any more.
    if (this.stopped || place?.status !== 'waiting') return;
    this.announce(Math.max(0, place.position - 1));
  }
}
