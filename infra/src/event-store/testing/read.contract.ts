import { StreamNotFound } from '../event-store.errors';
import { type ContractFixture, idsOf, newEvent, newEvents } from './contract-fixture';

/** Reads of one stream and of the whole store. */
export function describeReadContract(fixture: () => ContractFixture): void {
  describe('readStream', () => {
    const fiveEvents = async () => {
      const { store, unique } = fixture();
      const stream = unique('read');
      const events = newEvents(5);
      await store.append(stream, events, 'noStream');
      return { store, stream, ids: idsOf(events) };
    };

    it('reads forwards by default and backwards on request', async () => {
      const { store, stream, ids } = await fiveEvents();
      expect(idsOf(await store.readStream(stream))).toEqual(ids);
      const backwards = await store.readStream(stream, { direction: 'backwards' });
      expect(idsOf(backwards)).toEqual([...ids].reverse());
      expect(backwards.map((e) => e.revision)).toEqual([4, 3, 2, 1, 0]);
    });

    it('starts at fromRevision inclusively and stops after maxCount', async () => {
      const { store, stream, ids } = await fiveEvents();
      expect(idsOf(await store.readStream(stream, { fromRevision: 2 }))).toEqual(ids.slice(2));
      expect(idsOf(await store.readStream(stream, { fromRevision: 1, maxCount: 2 }))).toEqual(
        ids.slice(1, 3),
      );
      expect(
        idsOf(await store.readStream(stream, { direction: 'backwards', fromRevision: 3, maxCount: 2 })),
      ).toEqual([ids[3], ids[2]]);
      expect(idsOf(await store.readStream(stream, { maxCount: 1 }))).toEqual(ids.slice(0, 1));
    });

    it('returns nothing past the end of an existing stream', async () => {
      const { store, stream } = await fiveEvents();
      await expect(store.readStream(stream, { fromRevision: 5 })).resolves.toEqual([]);
    });

    it('throws StreamNotFound for a stream without events', async () => {
      const { store, unique } = fixture();
      const stream = unique('never-written');
      const error = await store.readStream(stream).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StreamNotFound);
      expect(error).toMatchObject({ kind: 'not-found', streamId: stream });
      await expect(store.readStream(stream, { direction: 'backwards' })).rejects.toBeInstanceOf(
        StreamNotFound,
      );
    });
  });

  describe('readStreamOrEmpty', () => {
    it('reads an existing stream as readStream does, options included', async () => {
      const { store, unique } = fixture();
      const stream = unique('or-empty');
      const events = newEvents(3);
      await store.append(stream, events, 'noStream');
      expect(idsOf(await store.readStreamOrEmpty(stream))).toEqual(idsOf(events));
      expect(idsOf(await store.readStreamOrEmpty(stream, { fromRevision: 1, maxCount: 1 }))).toEqual([
        events[1]?.id,
      ]);
      expect(idsOf(await store.readStreamOrEmpty(stream, { direction: 'backwards', maxCount: 1 }))).toEqual([
        events[2]?.id,
      ]);
    });

    it('answers no events for a stream without events, instead of throwing', async () => {
      const { store, unique } = fixture();
      await expect(store.readStreamOrEmpty(unique('never-written'))).resolves.toEqual([]);
    });

    it('still refuses a malformed stream id', async () => {
      const { store } = fixture();
      await expect(store.readStreamOrEmpty('')).rejects.toMatchObject({ kind: 'validation' });
    });
  });

  describe('readAll', () => {
    /** Two streams under one fresh prefix, with one event type each besides a shared one. */
    const twoStreams = async () => {
      const { store, unique } = fixture();
      const prefix = `${unique('all')}-`;
      const typeA = `${unique('TypeA')}`;
      const typeB = `${unique('TypeB')}`;
      const start = await store.headPosition();
      await store.append(`${prefix}x`, [newEvent(typeA), newEvent(typeB)], 'noStream');
      await store.append(`${prefix}y`, [newEvent(typeA)], 'noStream');
      await store.append(`${prefix}x`, [newEvent(typeB)], 1);
      const mine = await store.readAll({ fromPosition: start, filter: { streamPrefixes: [prefix] } });
      return { store, prefix, typeA, typeB, start, mine };
    };

    it('reads the whole store forwards in strictly increasing positions', async () => {
      const { store, start, mine } = await twoStreams();
      expect(mine).toHaveLength(4);
      const all = await store.readAll({ fromPosition: start });
      const positions = all.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
      expect(idsOf(all.filter((e) => idsOf(mine).includes(e.id)))).toEqual(idsOf(mine));
      expect(mine.map((e) => [e.streamId.slice(-1), e.revision])).toEqual([
        ['x', 0],
        ['x', 1],
        ['y', 0],
        ['x', 2],
      ]);
    });

    it('reads after fromPosition exclusively, forwards and backwards', async () => {
      const { store, prefix, mine } = await twoStreams();
      const filter = { streamPrefixes: [prefix] };
      const second = mine[1]!.position;
      expect(idsOf(await store.readAll({ fromPosition: second, filter }))).toEqual(idsOf(mine.slice(2)));
      expect(idsOf(await store.readAll({ fromPosition: second, direction: 'backwards', filter }))).toEqual([
        mine[0]!.id,
      ]);
      const backwards = await store.readAll({ direction: 'backwards', filter });
      expect(idsOf(backwards)).toEqual(idsOf(mine).reverse());
    });

    it('stops after maxCount', async () => {
      const { store, prefix, mine, start } = await twoStreams();
      const filter = { streamPrefixes: [prefix] };
      expect(idsOf(await store.readAll({ fromPosition: start, maxCount: 3, filter }))).toEqual(
        idsOf(mine.slice(0, 3)),
      );
      expect(idsOf(await store.readAll({ direction: 'backwards', maxCount: 1, filter }))).toEqual([
        mine[3]!.id,
      ]);
    });

    it('filters by event type, by stream prefix, and by both', async () => {
      const { store, prefix, typeA, typeB, start, mine } = await twoStreams();
      const ofType = (t: string) => idsOf(mine.filter((e) => e.type === t));
      expect(idsOf(await store.readAll({ fromPosition: start, filter: { eventTypes: [typeA] } }))).toEqual(
        ofType(typeA),
      );
      expect(
        idsOf(await store.readAll({ fromPosition: start, filter: { eventTypes: [typeB, typeA] } })),
      ).toEqual(idsOf(mine));
      expect(
        idsOf(await store.readAll({ fromPosition: start, filter: { streamPrefixes: [`${prefix}y`] } })),
      ).toEqual([mine[2]!.id]);
      const both = await store.readAll({
        fromPosition: start,
        filter: { eventTypes: [typeB], streamPrefixes: [`${prefix}x`] },
      });
      expect(idsOf(both)).toEqual(ofType(typeB));
    });

    it('reports the newest position as the head', async () => {
      const { store, mine } = await twoStreams();
      expect(await store.headPosition()).toBeGreaterThanOrEqual(mine[3]!.position);
    });
  });
}
