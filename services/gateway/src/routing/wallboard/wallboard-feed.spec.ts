import type { RecordedEvent } from '@hotline/contracts';
import type { ProjectionSource, SourceHandlers } from '@hotline/infra/projection';
import type { LiveBoard } from './board-delta';
import { WallboardFeed, type WallboardMessage } from './wallboard-feed';

/** A source the test drives: `emit` delivers a router event to whoever follows it. */
function drivenSource() {
  let handlers: SourceHandlers | undefined;
  let starts = 0;
  const source: ProjectionSource = {
    headPosition: () => Promise.resolve(0),
    start: (_from, given) => {
      starts++;
      handlers = given;
      return { stop: () => Promise.resolve((handlers = undefined)) };
    },
  };
  const emit = () => void handlers?.onEvent({ streamId: 'router-city' } as RecordedEvent);
  return { source, emit, following: () => handlers !== undefined, starts: () => starts };
}

const until = async (condition: () => boolean, what: string): Promise<void> => {
  for (const started = Date.now(); !condition();) {
    if (Date.now() - started > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('WallboardFeed', () => {
  const boardWith = (waiting: number): LiveBoard => ({
    at: new Date().toISOString(),
    queues: [{ queueId: 'general', waiting }],
    agents: [],
    bulletins: [],
    names: {},
  });
  let waiting = 0;
  const asked: number[] = [];
  const driven = drivenSource();
  const feed = new WallboardFeed({
    source: driven.source,
    fetch: () => {
      asked.push(Date.now());
      return Promise.resolve(boardWith(waiting));
    },
    minIntervalMs: 50,
    refreshMs: 60_000,
    warn: (error) => {
      throw error;
    },
  });
  afterAll(() => feed.close());

  it('sends the whole board first, then the changed rows, and reads the board at most once per interval in a burst', async () => {
    const got: WallboardMessage[] = [];
    const stop = feed.subscribe({ send: (m) => got.push(m), close: () => undefined });
    await until(() => got.length > 0 && driven.following(), 'the snapshot');
    expect(got[0]).toMatchObject({ kind: 'snapshot', board: { queues: [{ waiting: 0 }] } });

    asked.length = 0;
    const burstStart = Date.now();
    for (let i = 1; i <= 1_000; i++) {
      waiting = i;
      driven.emit();
      if (i % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await until(
      () => got.some((m) => m.kind === 'delta' && m.delta.queues[0]?.waiting === 1_000),
      'the last change',
    );
    const elapsed = Date.now() - burstStart;
    // A thousand events: a read per interval at most (and the one after the last event), not a thousand.
    expect(asked.length).toBeLessThanOrEqual(Math.ceil(elapsed / 50) + 1);
    for (let i = 1; i < asked.length; i++) expect(asked[i]! - asked[i - 1]!).toBeGreaterThanOrEqual(50);
    const second = got.slice(1);
    expect(second.every((m) => m.kind !== 'snapshot')).toBe(true);
    stop();
    expect(driven.following()).toBe(false);
  }, 30_000);

  it('tells a watcher the board still holds when a read shows nothing new, and gives a late watcher the whole board', async () => {
    const first: WallboardMessage[] = [];
    const late: WallboardMessage[] = [];
    const stopFirst = feed.subscribe({ send: (m) => first.push(m), close: () => undefined });
    await until(() => first.length > 0 && driven.following(), 'the first snapshot');
    const stopLate = feed.subscribe({ send: (m) => late.push(m), close: () => undefined });
    expect(late).toEqual([expect.objectContaining({ kind: 'snapshot' })]);
    driven.emit();
    await until(() => first.length > 1 && late.length > 1, 'the read after the event');
    expect(first[1]).toMatchObject({ kind: 'fresh', ageMs: expect.any(Number) as number });
    expect(late[1]).toMatchObject({ kind: 'fresh' });
    stopFirst();
    expect(driven.following()).toBe(true);
    stopLate();
    expect(driven.following()).toBe(false);
  }, 30_000);

  it('gives a watcher back with the id of its last board what changed since, and the whole board for an unknown id', async () => {
    waiting = 0;
    const got: Array<{ message: WallboardMessage; id: string }> = [];
    const stop = feed.subscribe({ send: (message, id) => got.push({ message, id }), close: () => undefined });
    await until(() => got.length > 0 && driven.following(), 'the first board');
    const left = got.at(-1)!.id;
    stop();
    // Changes while nobody watches: the next watch's first read is a delta from the board kept.
    waiting = 7;
    const back: Array<{ message: WallboardMessage; id: string }> = [];
    const stopBack = feed.subscribe(
      { send: (message, id) => back.push({ message, id }), close: () => undefined },
      left,
    );
    await until(() => back.length > 0, 'the board after the drop');
    expect(back[0]!.message).toMatchObject({ kind: 'delta', delta: { queues: [{ waiting: 7 }] } });
    expect(back[0]!.id).not.toBe(left);

    // Two changes while this one is away and another watches: one delta with the latest rows.
    const other: WallboardMessage[] = [];
    const stopOther = feed.subscribe({ send: (m) => other.push(m), close: () => undefined });
    const from = back.at(-1)!.id;
    stopBack();
    for (const n of [8, 9]) {
      waiting = n;
      driven.emit();
      await until(
        () => other.some((m) => m.kind === 'delta' && m.delta.queues[0]?.waiting === n),
        `board ${n}`,
      );
    }
    const again: WallboardMessage[] = [];
    const stopAgain = feed.subscribe({ send: (m) => again.push(m), close: () => undefined }, from);
    expect(again).toEqual([
      expect.objectContaining({
        kind: 'delta',
        delta: expect.objectContaining({ queues: [{ queueId: 'general', waiting: 9 }] }) as unknown,
      }),
    ]);
    const current: Array<{ message: WallboardMessage; id: string }> = [];
    const latest = feed.subscribe(
      { send: (message, id) => current.push({ message, id }), close: () => undefined },
      'feedbeef-1',
    );
    expect(current[0]!.message.kind).toBe('snapshot');
    const same: WallboardMessage[] = [];
    const stopSame = feed.subscribe({ send: (m) => same.push(m), close: () => undefined }, current[0]!.id);
    expect(same).toEqual([expect.objectContaining({ kind: 'fresh' })]);
    for (const unsubscribe of [stopOther, stopAgain, latest, stopSame]) unsubscribe();
  }, 30_000);
});
