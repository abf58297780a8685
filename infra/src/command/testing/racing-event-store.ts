import type { RecordedEvent } from '@hotline/contracts';
import type { EventStore } from '../../event-store/event-store.port';

/**
 * Test double around the real store: after each of the first `races` reads of the stream, a
 * competing writer appends `competing` to it, so the handler's append meets a concurrent write.
 */
export class RacingEventStore implements EventStore {
  reads = 0;
  constructor(
    private readonly inner: EventStore,
    private readonly races: number,
    private readonly competing: { type: string; data: unknown } = { type: 'Deposited', data: { amount: 1 } },
  ) {}
  async readStream(...args: Parameters<EventStore['readStream']>): Promise<RecordedEvent[]> {
    this.reads += 1;
    const events = await this.inner.readStream(...args);
    if (this.reads <= this.races) {
      const last = events.at(-1) as RecordedEvent;
      await this.inner.append(
        args[0],
        [{ ...last, ...this.competing, id: `racer-${args[0]}-${this.reads}` }],
        last.revision,
      );
    }
    return events;
  }
  readStreamOrEmpty = async (...args: Parameters<EventStore['readStream']>): Promise<RecordedEvent[]> =>
    (await this.inner.readStreamOrEmpty(args[0], { maxCount: 1 })).length > 0 ? this.readStream(...args) : [];
  append = (...args: Parameters<EventStore['append']>) => this.inner.append(...args);
  readAll = (...args: Parameters<EventStore['readAll']>) => this.inner.readAll(...args);
  subscribeToAll = (...args: Parameters<EventStore['subscribeToAll']>) => this.inner.subscribeToAll(...args);
  headPosition = () => this.inner.headPosition();
  close = () => this.inner.close();
}
