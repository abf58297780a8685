/**
 * A second process for the SQLite multi-process tests: appends `count` events to its own stream and
 * `count` events to a stream shared with the other workers (retrying on conflicts), then prints the
 * ids it stored as JSON. Usage: node -r @swc-node/register sqlite-append-worker.fixture.ts FILE PREFIX NAME COUNT
 */
import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@hotline/contracts';
import { StreamNotFound, WrongExpectedVersion } from '../event-store.errors';
import { SqliteEventStore } from './sqlite-event-store';

const [file, prefix, name, countText] = process.argv.slice(2);
const count = Number(countText);

const event = (n: number): EventToAppend => ({
  id: randomUUID(),
  type: 'WorkerAppended',
  version: 1,
  data: { worker: name, n },
  metadata: {
    correlationId: 'worker',
    causationId: 'worker',
    actor: { id: `worker-${name}`, role: 'system' },
    districtId: 'city',
  },
  time: new Date().toISOString(),
});

async function appendShared(store: SqliteEventStore, e: EventToAppend): Promise<void> {
  for (;;) {
    const last = await store
      .readStream(`${prefix}shared`, { direction: 'backwards', maxCount: 1 })
      .catch((error: unknown) => {
        if (error instanceof StreamNotFound) return [];
        throw error;
      });
    try {
      await store.append(`${prefix}shared`, [e], last[0] === undefined ? 'noStream' : last[0].revision);
      return;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
    }
  }
}

async function main(): Promise<void> {
  if (file === undefined || prefix === undefined || name === undefined || !(count > 0))
    throw new Error('usage: FILE PREFIX NAME COUNT');
  const store = SqliteEventStore.open({ path: file, busyTimeoutMs: 30_000 });
  const ids: string[] = [];
  const own = async (): Promise<void> => {
    for (let n = 0; n < count; n++) {
      const e = event(n);
      await store.append(`${prefix}${name}`, [e], n === 0 ? 'noStream' : n - 1);
      ids.push(e.id);
    }
  };
  const shared = async (): Promise<void> => {
    for (let n = 0; n < count; n++) {
      const e = event(n);
      await appendShared(store, e);
      ids.push(e.id);
    }
  };
  await Promise.all([own(), shared()]);
  await store.close();
  process.stdout.write(JSON.stringify(ids));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
