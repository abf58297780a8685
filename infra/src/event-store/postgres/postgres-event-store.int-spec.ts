import { createTemporaryDatabase } from '../../postgres/testing';
import { describeEventStoreContract } from '../testing';
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
