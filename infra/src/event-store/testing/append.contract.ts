import { IdempotencyConflict, WrongExpectedVersion } from '../event-store.errors';
import type { ExpectedRevision } from '../event-store.port';
import { type ContractFixture, idsOf, newEvent, newEvents, rejectionOf } from './contract-fixture';

/** Appends: expected states, conflicts that change nothing, idempotent retries, contention. */
export function describeAppendContract(fixture: () => ContractFixture): void {
  const expectWrongVersion = async (
    append: Promise<unknown>,
    expected: ExpectedRevision,
    actual: number | 'noStream',
  ) => {
    const error = await rejectionOf(append);
    expect(error).toBeInstanceOf(WrongExpectedVersion);
    expect(error).toMatchObject({ kind: 'conflict', expected, actual });
  };

  describe('append', () => {
    it('creates a stream with noStream and gives revisions from 0 and increasing positions', async () => {
      const { store, unique } = fixture();
      const stream = unique('new');
      const events = newEvents(3);
      const result = await store.append(stream, events, 'noStream');
      const stored = await store.readStream(stream);
      expect(result.nextExpectedRevision).toBe(2);
      expect(idsOf(stored)).toEqual(idsOf(events));
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect(stored[2]?.position).toBe(result.position);
      expect(stored[0]!.position).toBeLessThan(stored[1]!.position);
      expect(stored[1]!.position).toBeLessThan(stored[2]!.position);
    });

    it('names each stored position in the result, where the adapter tells them', async () => {
      const { store, unique } = fixture();
      const stream = unique('positions');
      await store.append(stream, newEvents(2), 'noStream');
      const events = newEvents(3);
      const result = await store.append(stream, events, 1);
      const stored = await store.readStream(stream, { fromRevision: 2 });
      // KurrentDB does not tell them (nor a repeated append): a writer then reads its events back.
      if (result.positions === undefined) return;
      expect(result.positions).toEqual(stored.map((e) => e.position));
      expect(result.positions.at(-1)).toBe(result.position);
      const repeated = await store.append(stream, events, 1);
      expect(repeated.positions).toBeUndefined();
    });

    it('stores every field of the event as it was given', async () => {
      const { store, unique } = fixture();
      const stream = unique('fields');
      const event = newEvent('CaseRegistered', {
        caseNo: '12345-0001',
        tags: ['water', 'noise'],
        nested: { ok: true, n: 1.5 },
      });
      await store.append(stream, [event], 'any');
      const [stored] = await store.readStream(stream);
      expect(stored).toEqual({ ...event, streamId: stream, revision: 0, position: expect.any(Number) });
    });

    it('appends with any whether or not the stream exists', async () => {
      const { store, unique } = fixture();
      const stream = unique('any');
      await store.append(stream, [newEvent()], 'any');
      const second = await store.append(stream, [newEvent()], 'any');
      expect(second.nextExpectedRevision).toBe(1);
    });

    it('appends with streamExists only to an existing stream', async () => {
      const { store, unique } = fixture();
      const stream = unique('exists');
      await expectWrongVersion(
        store.append(stream, [newEvent()], 'streamExists'),
        'streamExists',
        'noStream',
      );
      await expect(store.readStream(stream)).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
      await store.append(stream, [newEvent()], 'noStream');
      await expect(store.append(stream, [newEvent()], 'streamExists')).resolves.toMatchObject({
        nextExpectedRevision: 1,
      });
    });

    it('appends at the expected revision and returns the next one to expect', async () => {
      const { store, unique } = fixture();
      const stream = unique('revision');
      const first = await store.append(stream, newEvents(2), 'noStream');
      const second = await store.append(stream, newEvents(2), first.nextExpectedRevision);
      expect(second.nextExpectedRevision).toBe(3);
      expect(second.position).toBeGreaterThan(first.position);
    });

    it.each<[string, ExpectedRevision, number | 'noStream']>([
      ['noStream on an existing stream', 'noStream', 1],
      ['a revision behind the stream', 0, 1],
      ['a revision ahead of the stream', 5, 1],
    ])(
      'rejects %s with WrongExpectedVersion and leaves the stream unchanged',
      async (_, expected, actual) => {
        const { store, unique } = fixture();
        const stream = unique('conflict');
        const before = await store.append(stream, newEvents(2), 'noStream');
        const rejected = newEvents(2);
        await expectWrongVersion(store.append(stream, rejected, expected), expected, actual);
        const after = await store.readStream(stream);
        expect(after).toHaveLength(2);
        expect(after[1]?.position).toBe(before.position);
        // The rejected ids were not stored anywhere: appending them now works.
        await expect(store.append(stream, rejected, 1)).resolves.toMatchObject({ nextExpectedRevision: 3 });
      },
    );

    it('rejects a revision on a missing stream with actual noStream', async () => {
      const { store, unique } = fixture();
      const stream = unique('missing');
      await expectWrongVersion(store.append(stream, [newEvent()], 0), 0, 'noStream');
      await expect(store.readStream(stream)).rejects.toMatchObject({ code: 'STREAM_NOT_FOUND' });
    });

    it('returns the original result when the same events are appended again', async () => {
      const { store, unique } = fixture();
      const stream = unique('retry');
      const events = newEvents(3);
      const original = await store.append(stream, events, 'noStream');
      // The original result, less the positions only a fresh append names.
      const again = { ...original, positions: undefined };
      await expect(store.append(stream, events, 'noStream')).resolves.toEqual(again);
      await expect(store.append(stream, events, 'any')).resolves.toEqual(again);
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('returns the original result for a repeated single event after later appends', async () => {
      const { store, unique } = fixture();
      const stream = unique('retry-one');
      const event = newEvent();
      const original = await store.append(stream, [event], 'noStream');
      await store.append(stream, newEvents(2), 0);
      await expect(store.append(stream, [event], 'noStream')).resolves.toEqual({
        ...original,
        positions: undefined,
      });
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('rejects a retry whose later ids differ from the original append and stores none of them', async () => {
      const { store, unique } = fixture();
      const stream = unique('partial');
      const [a, b] = newEvents(2);
      await store.append(stream, [a!, b!], 'noStream');
      const changed = [a!, newEvent()];
      await expect(store.append(stream, changed, 'noStream')).rejects.toBeInstanceOf(IdempotencyConflict);
      await expect(store.append(stream, changed, 'any')).rejects.toBeInstanceOf(IdempotencyConflict);
      expect(idsOf(await store.readStream(stream))).toEqual([a!.id, b!.id]);
    });

    it('lets exactly one of many concurrent appends at the same revision win, whole', async () => {
      const { store, unique } = fixture();
      const stream = unique('race');
      await store.append(stream, [newEvent()], 'noStream');
      const contenders = Array.from({ length: 8 }, () => newEvents(3));
      const outcomes = await Promise.allSettled(contenders.map((events) => store.append(stream, events, 0)));
      const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      for (const o of outcomes)
        if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(WrongExpectedVersion);
      const stored = await store.readStream(stream, { fromRevision: 1 });
      expect(idsOf(stored)).toEqual(idsOf(contenders[winners[0]!]!));
    });

    it('keeps every concurrent append to distinct streams', async () => {
      const { store, unique } = fixture();
      const streams = Array.from({ length: 20 }, (_, i) => unique(`fan-${i}`));
      const results = await Promise.all(streams.map((s) => store.append(s, newEvents(2), 'noStream')));
      expect(new Set(results.map((r) => r.position)).size).toBe(streams.length);
      for (const s of streams) expect(await store.readStream(s)).toHaveLength(2);
    });
  });
}
