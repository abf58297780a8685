import { PassThrough } from 'node:stream';
import type { SubscriptionItem } from '../event-store.port';
import { contractMetadata } from '../testing';
import { KurrentDbSubscription } from './kurrentdb-subscription';

/**
 * Test double of the client's subscription stream (no KurrentDB can run here): an object-mode
 * stream that emits 'caughtUp' beside its data, as the client's Transform does.
 */
class FakeKurrentSubscription extends PassThrough {
  unsubscribed = false;
  constructor() {
    super({ objectMode: true });
  }
  unsubscribe(): Promise<void> {
    this.unsubscribed = true;
    this.end();
    return Promise.resolve();
  }
  send(position: number, type = 'CaseRegistered', streamId = 'case-1'): void {
    const metadata = {
      id: `evt-${position}`,
      version: 1,
      time: '2024-05-06T09:30:00.000+08:00',
      metadata: contractMetadata,
    };
    const p = BigInt(position);
    this.write({
      event: {
        streamId,
        id: `id-${position}`,
        isJson: true,
        revision: p,
        type,
        created: new Date(0),
        data: {},
        metadata,
        position: { commit: p, prepare: p },
      },
    });
  }
  caughtUp(position: number): void {
    this.emit('caughtUp', {
      date: new Date(0),
      position: { commit: BigInt(position), prepare: BigInt(position) },
    });
  }
}

const describeItem = (item: SubscriptionItem): string =>
  item.kind === 'event' ? `event ${item.event.position}` : `caughtUp ${item.position}`;

async function take(iterator: AsyncIterator<SubscriptionItem>, count: number): Promise<string[]> {
  const items: string[] = [];
  while (items.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    items.push(describeItem(next.value));
  }
  return items;
}

describe('KurrentDbSubscription', () => {
  it('delivers caughtUp after the events the client had buffered when it signalled', async () => {
    const fake = new FakeKurrentSubscription();
    const subscription = new KurrentDbSubscription(fake, 0, undefined);
    fake.send(10);
    // Paused, as under back-pressure: the next events wait in the stream's buffer while it signals.
    fake.pause();
    fake.send(20);
    fake.send(30);
    fake.caughtUp(25);
    fake.send(40);
    fake.resume();
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await take(iterator, 5)).toEqual(['event 10', 'event 20', 'event 30', 'caughtUp 30', 'event 40']);
    await subscription.close();
    expect(fake.unsubscribed).toBe(true);
  });

  it('skips events at or before the start position and those outside the filter', async () => {
    const fake = new FakeKurrentSubscription();
    const subscription = new KurrentDbSubscription(fake, 20, {
      eventTypes: ['CaseRegistered'],
      streamPrefixes: ['case-'],
    });
    fake.send(20);
    fake.send(30, 'Other');
    fake.send(40, 'CaseRegistered', 'unit-1');
    fake.send(50);
    fake.caughtUp(60);
    const iterator = subscription[Symbol.asyncIterator]();
    expect(await take(iterator, 2)).toEqual(['event 50', 'caughtUp 60']);
    await subscription.close();
  });

  it('ends a pending iteration on close', async () => {
    const fake = new FakeKurrentSubscription();
    const subscription = new KurrentDbSubscription(fake, 0, undefined);
    const iterator = subscription[Symbol.asyncIterator]();
    const pending = iterator.next();
    await subscription.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
  });
});
