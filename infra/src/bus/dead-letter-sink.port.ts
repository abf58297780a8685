import type { DeadLetter } from './event-bus.port';

/**
 * Where the store-backed EventBus puts the events a consumer gave up on (JetStream has its own
 * dead-letter stream). Adapters: SQLite table and in-memory list.
 */
export interface DeadLetterSink {
  put(letter: DeadLetter): Promise<void>;
  /** Oldest first; only the given consumer's when named. */
  list(consumer?: string): Promise<DeadLetter[]>;
}
