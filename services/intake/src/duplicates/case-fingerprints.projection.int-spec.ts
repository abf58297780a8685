import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@hotline/contracts';
import { ProjectionRunner, eventsSource } from '@hotline/infra/projection';
import { SqliteReadStore } from '@hotline/infra/read-store';
import { MinHasher } from '../text/min-hash';
import { CaseFingerprintIndex } from './case-fingerprint-index';
import { caseFingerprintsProjection, loadCaseFingerprints } from './case-fingerprints.projection';

const metadata = {
  correlationId: 'c',
  causationId: 'c',
  actor: { id: 'system:test', role: 'system' },
  districtId: 'd1',
};

function event(position: number, type: string, data: Record<string, unknown>, time: string): RecordedEvent {
  return {
    id: `e${position}`,
    type,
    version: 1,
    data,
    metadata,
    time,
    streamId: `case-${String(data.caseId)}`,
    revision: 0,
    position,
  };
}

const registered = (position: number, caseId: string, phone: string, time: string) =>
  event(
    position,
    'CaseRegistered',
    {
      caseId,
      caseNumber: `N-${caseId}`,
      citizen: { phone },
      categoryCode: '010102',
      content: `幸福小区路灯坏了 ${caseId}`,
    },
    time,
  );

/** Old and closed, old and open, recent and closed, recent and open. */
const EVENTS = [
  registered(1, 'old-closed', '13800000001', '2025-01-01T02:00:00.000Z'),
  registered(2, 'old-open', '13800000002', '2025-01-02T02:00:00.000Z'),
  event(3, 'CaseClosed', { caseId: 'old-closed' }, '2025-01-05T02:00:00.000Z'),
  registered(4, 'recent-closed', '13800000003', '2025-06-20T02:00:00.000Z'),
  registered(5, 'recent-open', '13800000004', '2025-06-21T02:00:00.000Z'),
  event(6, 'CaseCompleted', { caseId: 'recent-closed' }, '2025-06-22T02:00:00.000Z'),
];

const byPhone = (index: CaseFingerprintIndex, phone: string) =>
  index.candidates({ phone, placeCategoryKeys: [], bandKeys: [] }, 20).map((f) => [f.caseId, f.open]);

describe('the duplicate index kept in the SQLite read store', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hotline-fingerprints-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads only the open cases and the window at start, then resumes without replaying the history', async () => {
    const path = join(dir, 'read.db');
    const first = SqliteReadStore.open({ path });
    const live = new CaseFingerprintIndex(new MinHasher());
    const runner = new ProjectionRunner(caseFingerprintsProjection(live), {
      store: first,
      source: eventsSource(EVENTS),
    });
    await runner.start();
    await runner.waitUntilCaughtUp();
    await runner.stop();
    expect(live.size).toBe(4);
    await first.close();

    const store = SqliteReadStore.open({ path });
    const index = new CaseFingerprintIndex(new MinHasher());
    expect(await loadCaseFingerprints(store, index, '2025-06-01T00:00:00.000Z')).toBe(3);
    expect(byPhone(index, '13800000001')).toEqual([]);
    expect(byPhone(index, '13800000002')).toEqual([['old-open', true]]);
    expect(byPhone(index, '13800000003')).toEqual([['recent-closed', false]]);
    expect(byPhone(index, '13800000004')).toEqual([['recent-open', true]]);

    const handled: number[] = [];
    const projection = caseFingerprintsProjection(index);
    const more = [...EVENTS, event(7, 'CaseClosed', { caseId: 'old-open' }, '2025-06-23T02:00:00.000Z')];
    const resumed = new ProjectionRunner(
      { ...projection, handle: (e, s, c) => (handled.push(e.position), projection.handle(e, s, c)) },
      { store, source: eventsSource(more) },
    );
    await resumed.start();
    await resumed.waitUntilCaughtUp();
    await resumed.stop();
    expect(handled).toEqual([7]);
    expect(byPhone(index, '13800000002')).toEqual([['old-open', false]]);
    await store.close();
  });
});
