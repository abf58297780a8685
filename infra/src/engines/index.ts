import localEngines from './local-engines.json';

/**
 * Where the local engines listen when `scripts/engines.mjs` starts them (the script reads the same
 * JSON file, so the defaults live in one place). Config schemas use these as their defaults.
 */
export const LOCAL_ENGINES = localEngines;

export const LOCAL_NATS_URL = `nats://${localEngines.nats.host}:${localEngines.nats.port}`;

/** FerretDB on the SQLite backend, loopback only: the MongoDB of tests and of a one-host install. */
export const LOCAL_FERRETDB_URL = `mongodb://${localEngines.ferretdb.host}:${localEngines.ferretdb.port}/`;

/** The machine's PostgreSQL (trust auth on loopback): tests create a database of their own in it. */
export const LOCAL_POSTGRES_URL = `postgres://${localEngines.postgres.user}@${localEngines.postgres.host}:${localEngines.postgres.port}/postgres`;

/** The database of a local distributed run (`npm run start:distributed` creates it). */
export const LOCAL_POSTGRES_HOTLINE_URL = LOCAL_POSTGRES_URL.replace(/\/postgres$/, '/hotline');
