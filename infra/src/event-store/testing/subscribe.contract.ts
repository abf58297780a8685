import { type ContractFixture, SubscriptionReader, idsOf, newEvent, newEvents } from './contract-fixture';

/** subscribeToAll: catch-up, the caughtUp signal, live events, filters, close. */
export function describeSubscribeContract(fixture: () => ContractFixture): void {
  describe('subscribeToAll', () => {
    const readers: SubscriptionReader[] = [];
    const subscribe = (...args: Parameters<ContractFixture['store']['subscribeToAll']>) => {
      const reader = new SubscriptionReader(fixture().store.subscribeToAll(...args));
      readers.push(reader);
      return reader;
    };
    afterEach(async () => {
      await Promise.all(readers.splice(0).map((r) => r.close()));
    });

    it('delivers stored events, then caughtUp once, then live events in order', async () => {
      const { store, unique } = fixture();
      const prefix = `${unique('sub')}-`;
      const start = await store.headPosition();
      const stored = newEvents(3);
      const result = await store.append(`${prefix}a`, stored, 'noStream');
      const reader = subscribe({ fromPosition: start, filter: { streamPrefixes: [prefix] } });
      const catchUp = await reader.untilCaughtUp();
      expect(idsOf(catchUp.events)).toEqual(idsOf(stored));
      expect(catchUp.position).toBeGreaterThanOrEqual(result.position);
      const live = [newEvent(), newEvent()];
      await store.append(`${prefix}b`, [live[0]!], 'noStream');
      await store.append(`${prefix}a`, [live[1]!], 2);
      const first = await reader.nextEvent();
      const second = await reader.nextEvent();
      expect([first.id, second.id]).toEqual(idsOf(live));
      expect(second.position).toBeGreaterThan(first.position);
      expect(first.position).toBeGreaterThan(catchUp.position);
      expect(second).toMatchObject({ streamId: `${prefix}a`, revision: 3 });
    });

    it('starts after the given position, exclusively', async () => {
      const { store, unique } = fixture();
      const prefix = `${unique('sub-from')}-`;
      const events = newEvents(4);
      await store.append(`${prefix}a`, events, 'noStream');
      const [, second] = await store.readStream(`${prefix}a`);
      const reader = subscribe({ fromPosition: second!.position, filter: { streamPrefixes: [prefix] } });
      expect(idsOf((await reader.untilCaughtUp()).events)).toEqual(idsOf(events.slice(2)));
    });

    it('announces caughtUp when nothing matches yet, then delivers the first live event', async () => {
      const { store, unique } = fixture();
      const prefix = `${unique('sub-empty')}-`;
      const reader = subscribe({
        fromPosition: await store.headPosition(),
        filter: { streamPrefixes: [prefix] },
      });
      expect((await reader.untilCaughtUp()).events).toEqual([]);
      const event = newEvent();
      await store.append(`${prefix}a`, [event], 'noStream');
      expect((await reader.nextEvent()).id).toBe(event.id);
    });

    it('delivers only events that match the filter, in catch-up and live', async () => {
      const { store, unique } = fixture();
      const prefix = `${unique('sub-filter')}-`;
      const wanted = unique('Wanted');
      const other = unique('Other');
      const start = await store.headPosition();
      const before = [newEvent(other), newEvent(wanted), newEvent(other)];
      await store.append(`${prefix}a`, before, 'noStream');
      const reader = subscribe({ fromPosition: start, filter: { eventTypes: [wanted] } });
      expect(idsOf((await reader.untilCaughtUp()).events)).toEqual([before[1]!.id]);
      const after = [newEvent(other), newEvent(other), newEvent(wanted)];
      await store.append(`${prefix}a`, after, 2);
      expect((await reader.nextEvent()).id).toBe(after[2]!.id);
    });

    it('catches up over more events than one page holds', async () => {
      const { store, unique } = fixture();
      const prefix = `${unique('sub-many')}-`;
      const start = await store.headPosition();
      const batches = Array.from({ length: 5 }, () => newEvents(500));
      for (const [i, batch] of batches.entries()) await store.append(`${prefix}${i}`, batch, 'noStream');
      const reader = subscribe({ fromPosition: start, filter: { streamPrefixes: [prefix] } });
      const { events } = await reader.untilCaughtUp();
      expect(idsOf(events)).toEqual(batches.flatMap(idsOf));
    });

    it('ends the iteration on close', async () => {
      const { store, unique } = fixture();
      const reader = subscribe({
        fromPosition: await store.headPosition(),
        filter: { streamPrefixes: [unique('sub-close')] },
      });
      await reader.untilCaughtUp();
      const pending = reader.next().then(
        () => 'item',
        () => 'ended',
      );
      await reader.close();
      await expect(pending).resolves.toBe('ended');
      await reader.close();
    });
  });
}
