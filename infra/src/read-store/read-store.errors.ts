import { HotlineError } from '@hotline/contracts';

/** A write would give two documents the same `_id` or the same value of a unique index. */
export class DuplicateKeyError extends HotlineError {
  constructor(
    readonly collection: string,
    /** The index whose uniqueness the write broke, when the engine says (`_id_` for the id). */
    readonly indexName: string | undefined,
    /** In a bulk write or insertMany, the 0-based operation that failed; earlier ones were applied. */
    readonly operationIndex?: number,
  ) {
    super(
      'conflict',
      'DUPLICATE_KEY',
      `${collection}: duplicate key${indexName !== undefined ? ` for index ${indexName}` : ''}`,
      undefined,
      {
        collection,
        ...(indexName !== undefined ? { indexName } : {}),
        ...(operationIndex !== undefined ? { operationIndex } : {}),
      },
    );
  }
}

/** The read store was closed, or its engine cannot be reached. */
export class ReadStoreUnavailable extends HotlineError {
  constructor(reason: string) {
    super('unavailable', 'READ_STORE_UNAVAILABLE', `read store unavailable: ${reason}`);
  }
}
