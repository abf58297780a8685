import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandEnvelope, PollFrameEntry } from '@hotline/contracts';
import { handleCommand } from '@hotline/infra/command';
import { SqliteEventStore, type EventStore } from '@hotline/infra/event-store';
import { FrameStreamCache } from './frame-stream-cache';

const ROUND = 'parts-2026';
const mobile = (n: number) => `139${String(n).padStart(8, '0')}`;
const clock = { now: () => new Date('2026-12-07T02:00:00.000Z') };

/** The event store, counting the events each read of a frame stream hands back. */
function countingStore(store: EventStore): { store: EventStore; read: number[] } {
  const read: number[] = [];
  const counted = new Proxy(store, {
    get(target, name, receiver) {
      if (name !== 'readStreamOrEmpty') return Reflect.get(target, name, receiver) as unknown;
      return async (...args: Parameters<EventStore['readStreamOrEmpty']>) => {
        const events = await target.readStreamOrEmpty(...args);
        read.push(events.length);
        return events;
      };
    },
  });
  return { store: counted, read };
}

/** One part of a file as the console sends it: its lines numbered from `firstLine`. */
function part(
  fileId: string,
  index: number,
  count: number,
  lines: string[],
  firstLine: number,
): CommandEnvelope {
  const commandId = `${ROUND}.carrier.${fileId}.${index}`;
  return {
    commandId,
    type: 'ImportSamplingFrame',
    data: {
      roundId: ROUND,
      frame: 'carrier',
      fileName: `${fileId}.csv`,
      content: lines.join('\n'),
      part: { fileId, index, count, firstLine },
    },
    metadata: { correlationId: commandId, actor: { id: 'center-1', role: 'center' }, districtId: 'city' },
  };
}

function importer(store: EventStore, cache: FrameStreamCache) {
  return (command: CommandEnvelope) =>
    handleCommand(
      { store, clock },
      {
        aggregate: cache.aggregate(command.commandId),
        id: `${ROUND}.carrier`,
        command,
        context: { round: { defined: true, drawn: false } },
      },
    );
}

async function frameNumbers(store: EventStore): Promise<string[]> {
  const events = await store.readStreamOrEmpty(`pollFrame-${ROUND}.carrier`);
  return events.flatMap((event) =>
    event.type === 'SamplingFrameEntriesAdded'
      ? (event.data as { entries: PollFrameEntry[] }).entries.map((e) => e.phone)
      : [],
  );
}

async function rejectedOf(store: EventStore, commandId: string) {
  const events = await store.readStreamOrEmpty(`pollFrame-${ROUND}.carrier`);
  const imported = events.find(
    (e) => e.metadata.commandId === commandId && e.type === 'SamplingFrameImported',
  );
  return (imported?.data as { rejected: { line: number; code: string; value: string }[] }).rejected;
}

describe('the parts of a frame file, imported without reloading the frame [SQLite event store]', () => {
  const open = () =>
    SqliteEventStore.open({
      path: join(mkdtempSync(join(tmpdir(), 'hotline-frame-parts-')), 'events.db'),
      durability: 'normal',
    });

  it('reads only the events new since the previous part, keeps the duplicate rule and answers a resent part', async () => {
    const sqlite = open();
    const { store, read } = countingStore(sqlite);
    const send = importer(store, new FrameStreamCache());
    // 20 parts of 2,500 numbers (three events of numbers each), the file's lines numbered across parts.
    const parts = Array.from({ length: 20 }, (_, index) => {
      const lines = Array.from({ length: 2_500 }, (_, i) => `${mobile(index * 2_500 + i)},gulou`);
      return part('big', index, 20, lines, 1 + index * 2_500);
    });
    // The last part repeats the first part's second number on its 7th line.
    const last = parts[19]?.data as { content: string };
    last.content = last.content.replace(/^((?:.*\n){6}).*\n/, `$1${mobile(1)},gulou\n`);
    const first = await send(parts[0] as CommandEnvelope);
    for (const command of parts.slice(1)) await send(command);
    // Each load after the first read the previous part's four events, never the frame's.
    expect(read).toEqual([0, ...Array.from({ length: 19 }, () => 4)]);
    expect(await rejectedOf(sqlite, parts[19]?.commandId ?? '')).toEqual([
      expect.objectContaining({ line: 19 * 2_500 + 7, code: 'in-frame', value: mobile(1) }),
    ]);

    // Part 1 again (a retry after a reload): the first result, nothing appended.
    read.length = 0;
    const again = await send(parts[0] as CommandEnvelope);
    expect(again).toEqual({ ...first, idempotent: true });
    expect(read).toEqual([4]);
    const numbers = await frameNumbers(sqlite);
    expect(numbers).toHaveLength(50_000 - 1);
    expect(new Set(numbers).size).toBe(numbers.length);
    await sqlite.close();
  }, 60_000);

  it('catches up with parts another instance appended, and decides again when one lands in between', async () => {
    const sqlite = open();
    const a = importer(sqlite, new FrameStreamCache());
    const b = importer(sqlite, new FrameStreamCache());
    const lines = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => `${mobile(from + i)},gulou`);
    await a(part('f1', 0, 1, lines(0, 100), 1));
    await b(part('f2', 0, 1, lines(50, 100), 1));
    // Both instances at once, with numbers in common: one appends first, the other decides again.
    await Promise.all([a(part('f3', 0, 1, lines(120, 100), 1)), b(part('f4', 0, 1, lines(180, 100), 1))]);
    const numbers = await frameNumbers(sqlite);
    expect(numbers).toHaveLength(280);
    expect(new Set(numbers).size).toBe(280);
    expect((await rejectedOf(sqlite, `${ROUND}.carrier.f2.0`)).map((r) => r.line)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    await sqlite.close();
  });

  it('lets go of the least recently used frame, and folds it again from its stream when needed', async () => {
    const sqlite = open();
    const cache = new FrameStreamCache({ maxFrames: 1 });
    const send = importer(sqlite, cache);
    await send(part('f1', 0, 1, [`${mobile(1)},gulou`], 1));
    const other = part('o1', 0, 1, [`${mobile(1)},gulou`], 1);
    await handleCommand(
      { store: sqlite, clock },
      {
        aggregate: cache.aggregate(other.commandId),
        id: `${ROUND}.hotline`,
        command: { ...other, data: { ...(other.data as object), frame: 'hotline' } },
        context: { round: { defined: true, drawn: false } },
      },
    );
    expect(cache.size).toBe(1);
    await send(part('f2', 0, 1, [`${mobile(2)},gulou`, `${mobile(1)},gulou`], 1));
    expect(await rejectedOf(sqlite, `${ROUND}.carrier.f2.0`)).toEqual([
      expect.objectContaining({ line: 2, code: 'in-frame' }),
    ]);
    await sqlite.close();
  });
});
