/**
 * Where a durable consumer keeps the position of the last event it finished with, so that a restart
 * resumes after it. Adapters: SQLite table (embedded) and in-memory (tests, throwaway consumers).
 */
export interface CheckpointStore {
  /** The saved position, or undefined when the consumer has never saved one. */
  load(name: string): Promise<number | undefined>;
  save(name: string, position: number): Promise<void>;
}
