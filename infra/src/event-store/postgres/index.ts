export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';
export { postgresEventSql, POSITIONS_PER_TRANSACTION, type EventStoreSql } from './postgres-event-sql';
