import { ValidationError } from '@hotline/contracts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckpointStore } from './checkpoint-store.port';
import { InMemoryCheckpointStore } from './in-memory-checkpoint-store';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hotline-checkpoints-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const adapters: [string, () => CheckpointStore][] = [
  ['memory', () => new InMemoryCheckpointStore()],
  ['SQLite', () => SqliteCheckpointStore.open({ path: join(dir, `${Math.random()}.sqlite`) })],
];

describe.each(adapters)('CheckpointStore [%s]', (_name, open) => {
  it('has no checkpoint for a new name, then the latest saved position', async () => {
    const store = open();
    expect(await store.load('projection-a')).toBeUndefined();
    await store.save('projection-a', 7);
    await store.save('projection-a', 12);
    await store.save('projection-b', 3);
    expect(await store.load('projection-a')).toBe(12);
    expect(await store.load('projection-b')).toBe(3);
  });

  it('rejects a bad name or position, naming the field, and keeps the old checkpoint', async () => {
    const store = open();
    await store.save('p', 5);
    await expect(store.save('p', -1)).rejects.toMatchObject({ kind: 'validation', field: 'position' });
    await expect(store.save('p', 1.5)).rejects.toMatchObject({ kind: 'validation', field: 'position' });
    await expect(store.save('', 1)).rejects.toMatchObject({ kind: 'validation', field: 'name' });
    expect(await store.load('p')).toBe(5);
  });
});

describe('CheckpointStore [SQLite] across reopen', () => {
  it('keeps checkpoints in the file', async () => {
    const path = join(dir, 'reopen.sqlite');
    const first = SqliteCheckpointStore.open({ path, table: 'my_checkpoints' });
    await first.save('relay', 10_000);
    first.close();
    const second = SqliteCheckpointStore.open({ path, table: 'my_checkpoints' });
    expect(await second.load('relay')).toBe(10_000);
    second.close();
  });

  it('rejects a table name that is not a plain identifier', () => {
    expect(() =>
      SqliteCheckpointStore.open({ path: join(dir, 'x.sqlite'), table: 'x; DROP TABLE events' }),
    ).toThrow(new ValidationError('table', 'must be a plain SQL identifier'));
  });
});
