// A subpath of its own so that the embedded runner never loads the KurrentDB client and its native bridge.
export { KurrentDbEventStore } from './kurrentdb-event-store';
