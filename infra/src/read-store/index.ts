export * from './read-store.port';
export * from './read-store.errors';
export { MongoReadStore, type MongoReadStoreOptions } from './mongodb/mongodb-read-store';
export { SqliteReadStore, type SqliteReadStoreOptions } from './sqlite/sqlite-read-store';
export { PostgresReadStore, type PostgresReadStoreOptions } from './postgres/postgres-read-store';
export { UnsupportedOperatorError } from './sql/unsupported-operator.error';
