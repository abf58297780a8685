import type { RecordedEvent } from '@hotline/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeadLetterSink } from './dead-letter-sink.port';
import type { DeadLetter } from './event-bus.port';
import { InMemoryDeadLetterSink } from './in-memory-dead-letter-sink';
import { SqliteDeadLetterSink } from './sqlite-dead-letter-sink';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hotline-dead-letters-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const event: RecordedEvent = {
  id: 'e-1',
  type: 'CaseFiled',
  version: 1,
  data: { text: '井盖丢失' },
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' }, districtId: 'city' },
  time: '2024-05-06T09:30:00.000+08:00',
  streamId: 'case-1',
  revision: 0,
  position: 1,
};
const failed: DeadLetter = { consumer: 'case-list', reason: 'handler failed: boom', deliveryCount: 5, event };
const garbage: DeadLetter = {
  consumer: 'inbox',
  reason: 'undecodable',
  deliveryCount: 1,
  event: null,
  raw: 'not json',
};

const adapters: [string, () => DeadLetterSink][] = [
  ['memory', () => new InMemoryDeadLetterSink()],
  ['SQLite', () => SqliteDeadLetterSink.open({ path: join(dir, `${Math.random()}.sqlite`) })],
];

describe.each(adapters)('DeadLetterSink [%s]', (_name, open) => {
  it('lists dead letters oldest first, all or per consumer, as they were put', async () => {
    const sink = open();
    await sink.put(failed);
    await sink.put(garbage);
    expect(await sink.list()).toEqual([failed, garbage]);
    expect(await sink.list('inbox')).toEqual([garbage]);
    expect(await sink.list('nobody')).toEqual([]);
  });
});

describe('DeadLetterSink [SQLite] across reopen', () => {
  it('keeps dead letters in the file', async () => {
    const path = join(dir, 'reopen.sqlite');
    const first = SqliteDeadLetterSink.open({ path });
    await first.put(failed);
    first.close();
    const second = SqliteDeadLetterSink.open({ path });
    expect(await second.list('case-list')).toEqual([failed]);
    second.close();
  });
});
