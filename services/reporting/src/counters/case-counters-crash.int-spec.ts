import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@hotline/contracts';
import { ProjectionRunner, eventsSource } from '@hotline/infra/projection';
import { SqliteReadStore, type ReadStore } from '@hotline/infra/read-store';
import { project } from '../testing/case-history';
import { generatedCases } from '../testing/generated-cases';
import { CASE_COUNTERS_PROJECTION, caseCountersProjection } from './case-counters.projection';

const COLLECTIONS = caseCountersProjection().collections;
const CASES = 60;
const BATCH_SIZE = 100;
/** Inside the third batch: the checkpoint is at 200, and the batch's writes up to 249 are flushed. */
const KILL_AT = 250;

const dir = mkdtempSync(join(tmpdir(), 'hotline-reporting-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every document of the counters' collections, without the guard's stamp (it depends on the batching). */
async function dump(store: ReadStore): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of COLLECTIONS) {
    const docs = await store.collection(name).find({}, { sort: { _id: 1 } });
    out[name] = docs.map(({ _pos, ...rest }) => rest);
  }
  return out;
}

async function clean(events: readonly RecordedEvent[]): Promise<Record<string, unknown[]>> {
  const store = await project(events, [caseCountersProjection()]);
  try {
    return await dump(store);
  } finally {
    await store.close();
  }
}

describe('the case counters after their process is killed in the middle of a batch', () => {
  it('keep nothing of the batch that died, and count every event once when replayed', async () => {
    const events = generatedCases(CASES);
    expect(events.length).toBe(CASES * 7);
    const path = join(dir, 'reporting.db');
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '../testing/dying-counters-child.ts')],
      {
        env: {
          ...process.env,
          STORE_PATH: path,
          CASES: String(CASES),
          BATCH_SIZE: String(BATCH_SIZE),
          KILL_AT: String(KILL_AT),
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    const signal = await new Promise((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');

    const store = SqliteReadStore.open({ path });
    try {
      const saved = await store
        .collection('_checkpoints')
        .findOne<{ position: number }>({ _id: CASE_COUNTERS_PROJECTION });
      expect(saved?.position).toBe(2 * BATCH_SIZE);
      // The writes and the checkpoint are one transaction: the file holds exactly the first two batches.
      expect(await dump(store)).toEqual(await clean(events.slice(0, 2 * BATCH_SIZE)));

      const handled: number[] = [];
      const base = caseCountersProjection();
      const runner = new ProjectionRunner(
        { ...base, handle: (e, v, c) => (handled.push(e.position), base.handle(e, v, c)) },
        { store, source: eventsSource(events), batchSize: BATCH_SIZE },
      );
      await runner.start();
      await runner.waitUntilCaughtUp();
      await runner.stop();
      expect(handled[0]).toBe(2 * BATCH_SIZE + 1);
      expect(handled).toHaveLength(events.length - 2 * BATCH_SIZE);
      const replayed = await dump(store);
      expect(replayed).toEqual(await clean(events));
      // Something was counted: the comparison is not between two empty stores.
      expect(replayed.reporting_case_cells?.length).toBeGreaterThan(CASES);
    } finally {
      await store.close();
    }
  });
});
