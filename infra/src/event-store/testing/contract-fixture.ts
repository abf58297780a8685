import type { EventToAppend, MessageMetadata, RecordedEvent } from '@hotline/contracts';
import { randomUUID } from 'node:crypto';
import type { AllSubscription, EventStore, SubscriptionItem } from '../event-store.port';

/**
 * What every contract section gets. The store may be shared with other runs (a KurrentDB server),
 * so every test names its own streams and event types and reads the whole store only through
 * filters or positions it produced itself.
 */
export interface ContractFixture {
  store: EventStore;
  /** A stream or stream-prefix name no other test (in any run) uses. */
  unique(name: string): string;
}

export const contractMetadata: MessageMetadata = {
  correlationId: 'contract-correlation',
  causationId: 'contract-causation',
  actor: { id: 'contract-suite', role: 'system' },
  districtId: 'city',
  traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
};

/** A valid event with a fresh UUID (KurrentDB needs UUIDs; SQLite takes any safe id). */
export function newEvent(type = 'ContractTested', data: unknown = { note: 'hello' }): EventToAppend {
  return {
    id: randomUUID(),
    type,
    version: 1,
    data,
    metadata: contractMetadata,
    time: '2024-05-06T09:30:00.000+08:00',
  };
}

export const newEvents = (count: number, type?: string): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => newEvent(type, { n: i }));

export const idsOf = (events: { id: string }[]): string[] => events.map((e) => e.id);

/** Pulls a subscription one item at a time, so a test can interleave appends and reads. */
export class SubscriptionReader {
  private readonly iterator: AsyncIterator<SubscriptionItem>;

  constructor(readonly subscription: AllSubscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  async next(): Promise<SubscriptionItem> {
    const result = await this.iterator.next();
    if (result.done) throw new Error('the subscription ended');
    return result.value;
  }

  /** The next event, past any live `caughtUp` (announced when the filter left out others' events). */
  async nextEvent(): Promise<RecordedEvent> {
    for (;;) {
      const item = await this.next();
      if (item.kind === 'event') return item.event;
    }
  }

  /** Every event before the `caughtUp` signal, and the signal's position. */
  async untilCaughtUp(): Promise<{ events: RecordedEvent[]; position: number }> {
    const events: RecordedEvent[] = [];
    for (;;) {
      const item = await this.next();
      if (item.kind === 'caughtUp') return { events, position: item.position };
      events.push(item.event);
    }
  }

  async close(): Promise<void> {
    await this.subscription.close();
  }
}

/** The error a function throws; fails the test if it returns. */
export function thrownBy(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but the call returned');
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}
