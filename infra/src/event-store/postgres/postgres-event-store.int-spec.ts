import { createTemporaryDatabase } from '../../postgres/testing';
import { WrongExpectedVersion } from '../event-store.errors';
import { describeEventStoreContract, newEvents } from '../testing';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('PostgreSQL', async () => {
  const database = await createTemporaryDatabase('event_contract');
  const store = await PostgresEventStore.open({ url: database.url });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await database.drop();
    },
  };
});

describe('PostgreSQL appends that lose a race', () => {
  let database: Awaited<ReturnType<typeof createTemporaryDatabase>>;
  let store: PostgresEventStore;
  beforeAll(async () => {
    database = await createTemporaryDatabase('event_race');
    store = await PostgresEventStore.open({ url: database.url });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('answers a loser at an exact revision with the head the winner left', async () => {
    await store.append('race-head', newEvents(1), 'noStream');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 6 }, () => store.append('race-head', newEvents(3), 0)),
    );
    const lost = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(lost).toHaveLength(5);
    for (const reason of lost) {
      expect(reason).toBeInstanceOf(WrongExpectedVersion);
      expect(reason).toMatchObject({ expected: 0, actual: 3 });
    }
  });

  it('answers copies of one append racing at noStream with its one result', async () => {
    const events = newEvents(2);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => store.append('race-copies', events, 'noStream')),
    );
    const { positions, ...original } = results.find((r) => r.positions !== undefined)!;
    expect(positions).toHaveLength(2);
    for (const result of results) expect(result).toMatchObject(original);
    expect(await store.readStream('race-copies')).toHaveLength(2);
  });
});
