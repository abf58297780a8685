export * from './read-store.port';
export * from './read-store.errors';
export { MemoryReadStore } from './memory/memory-read-store';
export { MongoReadStore, type MongoReadStoreOptions } from './mongodb/mongodb-read-store';
