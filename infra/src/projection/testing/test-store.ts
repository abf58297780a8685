import { createTemporaryDatabase } from '../../postgres/testing/temporary-database';
import { MongoReadStore } from '../../read-store/mongodb/mongodb-read-store';
import { PostgresReadStore } from '../../read-store/postgres/postgres-read-store';
import type { ReadStore } from '../../read-store/read-store.port';
import { SqliteReadStore } from '../../read-store/sqlite/sqlite-read-store';

/**
 * Where a test's read store is, in a form a child process can take from its environment:
 * `kind`, then a SQLite file, a PostgreSQL URL, or a MongoDB URL and database name.
 */
export interface TestStoreAddress {
  kind: 'sqlite' | 'postgres' | 'mongodb';
  location: string;
  database?: string;
}

/** A fresh, empty read store's address, and how to remove it. */
export interface TestStoreSpace {
  address: TestStoreAddress;
  remove(): Promise<void>;
}

/** Opens the read store at `address` (in this process or a child of the test). */
export function openTestStore(address: TestStoreAddress): Promise<ReadStore> {
  if (address.kind === 'sqlite') return Promise.resolve(SqliteReadStore.open({ path: address.location }));
  if (address.kind === 'postgres') return PostgresReadStore.open({ url: address.location });
  return MongoReadStore.connect(address.location, address.database ?? '');
}

/** The environment that passes `address` to a child process, and back. */
export const addressEnv = (address: TestStoreAddress): Record<string, string> => ({
  STORE_KIND: address.kind,
  STORE_LOCATION: address.location,
  STORE_DATABASE: address.database ?? '',
});

export const addressFromEnv = (env: NodeJS.ProcessEnv): TestStoreAddress => ({
  kind: env.STORE_KIND as TestStoreAddress['kind'],
  location: env.STORE_LOCATION ?? '',
  database: env.STORE_DATABASE,
});

let spaces = 0;
const tag = `${process.pid}_${Date.now().toString(36)}`;

/** Fresh stores of one kind: a file in `dir`, a PostgreSQL database, or a FerretDB database. */
export const testStoreSpaces = {
  sqlite: (dir: string) => async (): Promise<TestStoreSpace> => ({
    address: { kind: 'sqlite', location: `${dir}/read-${++spaces}.db` },
    remove: async () => undefined,
  }),
  postgres: async (): Promise<TestStoreSpace> => {
    const database = await createTemporaryDatabase('projection');
    return { address: { kind: 'postgres', location: database.url }, remove: () => database.drop() };
  },
  mongodb: (url: string) => async (): Promise<TestStoreSpace> => {
    const address: TestStoreAddress = { kind: 'mongodb', location: url, database: `proj_${tag}_${++spaces}` };
    return {
      address,
      remove: async () => {
        const store = await openTestStore(address);
        await store.dropDatabase();
        await store.close();
      },
    };
  },
};
