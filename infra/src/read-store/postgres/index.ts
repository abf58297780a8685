/** The PostgreSQL read store: imported on its own so that the embedded mode never loads `pg`. */
export { PostgresReadStore, type PostgresReadStoreOptions } from './postgres-read-store';
export { postgresDialect } from './postgres-dialect';
