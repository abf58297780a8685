import { createTemporaryDatabase, type TemporaryDatabase } from '../../postgres/testing/temporary-database';
import { describeReadStoreContract } from '../testing/read-store.contract';
import { PostgresReadStore } from './postgres-read-store';

let database: TemporaryDatabase | undefined;
afterAll(async () => {
  await database?.drop();
});

describeReadStoreContract('PostgreSQL', async () => {
  database = await createTemporaryDatabase('read_store');
  return PostgresReadStore.open({ url: database.url });
});
