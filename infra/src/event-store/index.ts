export * from './event-store.port';
export * from './event-store.errors';
export {
  validateAppend,
  validateStreamId,
  validateExpected,
  MAX_EVENTS_PER_APPEND,
  type ValidatedEvent,
} from './validate-append';
export { validateReadOptions } from './validate-read-options';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export type { Durability } from './sqlite/sqlite-schema';
