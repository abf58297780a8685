import type { ReadCollection, ReadDocument, ReadStore } from '../read-store.port';

/** What each part of the contract suite receives: the store under test and fresh collections. */
export interface ContractContext {
  store(): ReadStore;
  /** A collection no other test uses. */
  fresh<T extends ReadDocument = ReadDocument>(): ReadCollection<T>;
}

/** Awaits a promise expected to reject and returns the error, so tests can look at its fields. */
export async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to reject, but it resolved');
}
