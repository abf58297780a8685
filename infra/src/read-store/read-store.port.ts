/**
 * The read store: a subset of MongoDB's collection API, passed through to MongoDB/FerretDB and
 * translated to SQL for SQLite (embedded) and PostgreSQL (`./sql`). Every adapter passes the shared
 * contract suite in `./testing`.
 *
 * Plain JS values only: strings, finite numbers, booleans, null, arrays and plain objects. No Date
 * (store ISO 8601 strings, which sort correctly as strings), no ObjectId, no class instances.
 * Object properties whose value is `undefined` are dropped, as JSON does. `_id` is a string or a
 * number; a document inserted (or upserted) without one gets a random UUID string.
 * Field names must not be empty, start with `$` or contain `.` (dots are path separators).
 *
 * Malformed input (an unknown operator, a `$` field name, a Date, a bad option) is rejected with a
 * ValidationError naming the field, before anything is written.
 */
export type DocumentId = string | number;

export interface ReadDocument {
  _id: DocumentId;
  [field: string]: unknown;
}

/** A document to insert: `_id` may be left out. */
export type NewDocument<T extends ReadDocument> = Omit<T, '_id'> & { _id?: DocumentId };

/**
 * A MongoDB query filter. Supported operators: $eq $ne $gt $gte $lt $lte $in $nin $exists $not
 * $and $or $nor $elemMatch $all $size $regex (string pattern, with $options).
 */
export type Filter = Record<string, unknown>;

/** Field paths (dotted) to values. `$push` takes a value or `{ $each: [...] }`. */
export interface UpdateOperators {
  $set?: Record<string, unknown>;
  $unset?: Record<string, unknown>;
  $inc?: Record<string, number>;
  $push?: Record<string, unknown>;
  /** Applied only when an upsert inserts. */
  $setOnInsert?: Record<string, unknown>;
}

export type SortSpec = Record<string, 1 | -1>;

/** Inclusion (1) or exclusion (0), not both, except that `_id: 0` may join an inclusion. */
export type ProjectionSpec = Record<string, 0 | 1>;

export interface FindOptions {
  sort?: SortSpec;
  skip?: number;
  /** A positive integer; leave out for no limit. */
  limit?: number;
  projection?: ProjectionSpec;
}

export type FindOneOptions = Pick<FindOptions, 'sort' | 'projection'>;

export interface UpdateOptions {
  upsert?: boolean;
}

export interface UpdateResult {
  matchedCount: number;
  /** Documents whose content changed (setting a field to its current value changes nothing). */
  modifiedCount: number;
  upsertedId: DocumentId | null;
}

export interface InsertOneResult {
  insertedId: DocumentId;
}

export interface InsertManyResult {
  insertedCount: number;
  insertedIds: DocumentId[];
}

export interface DeleteResult {
  deletedCount: number;
}

/**
 * Aggregation stages: $match $group $sort $limit $skip $project $unwind $count. A $group has at
 * most one accumulator, and it is $sum (FerretDB v1 has no other and gets several wrong): count
 * with `{ $sum: 1 }`, total with `{ $sum: '$field' }`.
 */
export type PipelineStage = Record<string, unknown>;

export type IndexKey = Record<string, 1 | -1>;

export interface CreateIndexOptions {
  unique?: boolean;
  /** Default: MongoDB's, e.g. `districtId_1_status_1`. */
  name?: string;
}

export interface IndexDescription {
  name: string;
  key: IndexKey;
  unique: boolean;
}

/** One operation of an ordered bulk write. */
export type BulkWriteOperation =
  | { insertOne: { document: Record<string, unknown> } }
  | { updateOne: { filter: Filter; update: UpdateOperators; upsert?: boolean } }
  | { updateMany: { filter: Filter; update: UpdateOperators; upsert?: boolean } }
  | { deleteOne: { filter: Filter } }
  | { deleteMany: { filter: Filter } };

export interface BulkWriteResult {
  insertedCount: number;
  matchedCount: number;
  modifiedCount: number;
  upsertedCount: number;
  deletedCount: number;
}

export interface ReadCollection<T extends ReadDocument = ReadDocument> {
  readonly name: string;
  /** Documents matching `filter` (all when omitted); a projection changes their shape, hence `R`. */
  find<R extends object = T>(filter?: Filter, options?: FindOptions): Promise<R[]>;
  findOne<R extends object = T>(filter?: Filter, options?: FindOneOptions): Promise<R | null>;
  countDocuments(filter?: Filter): Promise<number>;
  aggregate<R extends object = Record<string, unknown>>(pipeline: PipelineStage[]): Promise<R[]>;
  /** Throws DuplicateKeyError when `_id` or a unique index value is taken. */
  insertOne(document: NewDocument<T>): Promise<InsertOneResult>;
  /** Ordered: stops at the first duplicate (DuplicateKeyError.operationIndex), keeping the earlier ones. */
  insertMany(documents: NewDocument<T>[]): Promise<InsertManyResult>;
  updateOne(filter: Filter, update: UpdateOperators, options?: UpdateOptions): Promise<UpdateResult>;
  updateMany(filter: Filter, update: UpdateOperators, options?: UpdateOptions): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<DeleteResult>;
  deleteMany(filter: Filter): Promise<DeleteResult>;
  /**
   * Ordered: operations run one after the other, and the first failure stops the rest (those before it
   * stay applied; the error's `operationIndex` says which one failed). All operations are validated
   * before the first runs. The fast path for projection rebuilds.
   */
  bulkWrite(operations: BulkWriteOperation[]): Promise<BulkWriteResult>;
  /** Idempotent for the same key and options; returns the index name. */
  createIndex(key: IndexKey, options?: CreateIndexOptions): Promise<string>;
  dropIndex(name: string): Promise<void>;
  /** Includes `_id_`. */
  listIndexes(): Promise<IndexDescription[]>;
  /** Removes the collection with its documents and indexes; no error when it does not exist. */
  drop(): Promise<void>;
}

/**
 * A writer whose writes can be made one transaction: the projection runner commits a batch's
 * document writes and its checkpoint together. Writes count as the writer's when they are made
 * inside `run`; while its transaction is open, writes from elsewhere wait for it to end (reads do
 * not wait, and see what it has written so far).
 */
export interface ReadStoreWriter {
  run<R>(work: () => Promise<R>): Promise<R>;
  /** Opens the transaction (waiting for another writer's to end); no-op when it is open. */
  begin(): Promise<void>;
  /** Commits the open transaction, if any. */
  commit(): Promise<void>;
  /** Takes back everything written since `begin`, if a transaction is open. */
  rollback(): Promise<void>;
}

/**
 * A projection's collections loaded by a rebuild. While loading, reads answer as always (from the
 * documents, without the indexes); `finish` builds what was left out, and a collection still
 * loading at a start is a rebuild a crash cut short: the runner drops it and rebuilds it.
 */
export interface RebuildLoad {
  /** Enters the mode when every collection is absent or empty (answers whether it did; else nothing changes). */
  begin(collections: readonly string[]): Promise<boolean>;
  /** Builds the indexes and everything kept beside the documents, and leaves the mode, in one transaction. */
  finish(collections: readonly string[]): Promise<void>;
  /** Whether any of the collections is in the mode. */
  pending(collections: readonly string[]): Promise<boolean>;
}

export interface ReadStore {
  /**
   * Stores with transactions give writers (SQLite, PostgreSQL); the others leave it out, and the
   * projection guard (`_pos`) makes a replay after a crash exact instead.
   */
  writer?(): ReadStoreWriter;
  /**
   * Gives collection `from` (documents and indexes) the name `to`, replacing what `to` held. Stores
   * that have it let a projection whose version changed rebuild beside the old read model.
   */
  renameCollection?(from: string, to: string): Promise<void>;
  /**
   * The rebuild mode of stores whose secondary indexes cost most of a write (PostgreSQL): a
   * projection rebuilt from position 0 loads its documents without them and has them built once
   * at its end. See `RebuildLoad`.
   */
  rebuildLoad?: RebuildLoad;
  /** A handle; the collection comes into existence with its first write or index. */
  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T>;
  /** Names of the existing collections, sorted. */
  listCollections(): Promise<string[]>;
  dropDatabase(): Promise<void>;
  close(): Promise<void>;
}
