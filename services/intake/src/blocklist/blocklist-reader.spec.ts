import { SqliteReadStore } from '@hotline/infra/read-store';
import { BlocklistReader } from './blocklist-reader';
import { IntakeCollection } from '../read-models/intake-collections';

describe('BlocklistReader', () => {
  const now = new Date('2025-06-02T02:00:00.000Z');

  it('starts from the numbers the read model holds as blocked, then follows the projection', async () => {
    const store = SqliteReadStore.inMemory();
    await store.collection(IntakeCollection.blocklist).insertMany([
      { _id: '13800000001', blocked: true, reason: '辱骂', expiresAt: null },
      { _id: '13800000002', blocked: false, expiresAt: null },
      { _id: '13800000003', blocked: true, reason: '骚扰', expiresAt: '2025-06-01T00:00:00.000Z' },
    ]);
    const reader = new BlocklistReader(store);
    await reader.load();
    expect(reader.check('13800000001', now)).toEqual({ phone: '13800000001', blocked: true, reason: '辱骂' });
    expect(reader.check('13800000002', now).blocked).toBe(false);
    // Expired: no longer blocked, though never unblocked.
    expect(reader.check('13800000003', now).blocked).toBe(false);

    reader.set('13800000002', { blocked: true, reason: '刷单', expiresAt: '2025-07-01T00:00:00.000Z' });
    expect(reader.check('13800000002', now)).toMatchObject({
      blocked: true,
      expiresAt: '2025-07-01T00:00:00.000Z',
    });
    reader.set('13800000001', undefined);
    expect(reader.check('13800000001', now).blocked).toBe(false);
    await store.close();
  });
});
