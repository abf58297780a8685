import { randomUUID } from 'node:crypto';
import { HotlineError, ValidationError } from '@hotline/contracts';
import { Aggregator, Query } from 'mingo';
import { DuplicateKeyError } from '../read-store.errors';
import type {
  BulkWriteOperation,
  BulkWriteResult,
  DeleteResult,
  DocumentId,
  Filter,
  FindOneOptions,
  FindOptions,
  IndexDescription,
  IndexKey,
  InsertManyResult,
  InsertOneResult,
  NewDocument,
  PipelineStage,
  ReadCollection,
  ReadDocument,
  UpdateOperators,
  UpdateOptions,
  UpdateResult,
} from '../read-store.port';
import { cloneDocument } from '../validation/plain-value';
import { validateBulk, type CheckedOperation } from '../validation/validate-bulk';
import { validateFilter } from '../validation/validate-filter';
import { validateFindOptions, validateIndex, validateUpsertOption } from '../validation/validate-options';
import { validatePipeline } from '../validation/validate-pipeline';
import { validateUpdate } from '../validation/validate-update';
import { upsertSeed } from '../upsert-seed';
import { applyUpdate, checkOperandTypes } from './apply-update';
import { copyPlain } from './copy-plain';
import { createMatcher, MINGO_OPTIONS } from './document-matcher';
import { matchFast } from './fast-match';
import { ID_INDEX, SecondaryIndexes } from './secondary-indexes';
import { idEquality, selectCandidates } from './select-candidates';

type Doc = Record<string, unknown>;

/** A collection held in a Map keyed by `_id`; values go in and out as deep copies. */
export class MemoryCollection<T extends ReadDocument = ReadDocument> implements ReadCollection<T> {
  private readonly docs = new Map<DocumentId, Doc>();
  private readonly indexes: SecondaryIndexes;
  private created = false;

  constructor(
    readonly name: string,
    private readonly assertOpen: () => void,
  ) {
    this.indexes = new SecondaryIndexes(name);
  }

  get exists(): boolean {
    return this.created;
  }

  async find<R extends object = T>(filter: Filter = {}, options?: FindOptions): Promise<R[]> {
    this.assertOpen();
    validateFilter(filter);
    const { sort, skip, limit, projection } = validateFindOptions(options);
    // Without a sort or skip, the first `limit` matches are the answer: stop looking there.
    const matches = this.matching(filter, sort || skip ? undefined : limit);
    if (!sort && !skip && !limit && !projection) return matches.map(copyPlain) as R[];
    let cursor = new Query({}, MINGO_OPTIONS).find<Doc>(matches, projection);
    if (sort) cursor = cursor.sort(sort);
    if (skip) cursor = cursor.skip(skip);
    if (limit) cursor = cursor.limit(limit);
    return cursor.all().map(copyPlain) as R[];
  }

  async findOne<R extends object = T>(filter: Filter = {}, options?: FindOneOptions): Promise<R | null> {
    const [first] = await this.find<R>(filter, { ...validateFindOptions(options), limit: 1 });
    return first ?? null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    this.assertOpen();
    validateFilter(filter);
    return this.matching(filter).length;
  }

  async aggregate<R extends object = Record<string, unknown>>(pipeline: PipelineStage[]): Promise<R[]> {
    this.assertOpen();
    validatePipeline(pipeline);
    const [first, ...rest] = pipeline;
    const matchFirst = first !== undefined && '$match' in first;
    const source = matchFirst ? this.matching(first.$match as Filter) : [...this.docs.values()];
    try {
      return new Aggregator(matchFirst ? rest : pipeline, MINGO_OPTIONS)
        .run<Doc>(source)
        .map(copyPlain) as R[];
    } catch (error) {
      if (error instanceof HotlineError) throw error;
      throw new ValidationError('pipeline', error instanceof Error ? error.message : String(error));
    }
  }

  async insertOne(document: NewDocument<T>): Promise<InsertOneResult> {
    this.assertOpen();
    const doc = cloneDocument(document, 'document');
    return { insertedId: this.insert(doc) };
  }

  async insertMany(documents: NewDocument<T>[]): Promise<InsertManyResult> {
    this.assertOpen();
    if (!Array.isArray(documents)) throw new ValidationError('documents', 'must be an array');
    const docs = documents.map((d, i) => cloneDocument(d, `documents[${i}]`));
    const insertedIds = docs.map((doc, i) => this.insert(doc, i));
    return { insertedCount: insertedIds.length, insertedIds };
  }

  async updateOne(filter: Filter, update: UpdateOperators, options?: UpdateOptions): Promise<UpdateResult> {
    this.assertOpen();
    validateFilter(filter);
    return this.update(filter, validateUpdate(update), validateUpsertOption(options), false);
  }

  async updateMany(filter: Filter, update: UpdateOperators, options?: UpdateOptions): Promise<UpdateResult> {
    this.assertOpen();
    validateFilter(filter);
    return this.update(filter, validateUpdate(update), validateUpsertOption(options), true);
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    this.assertOpen();
    validateFilter(filter);
    return { deletedCount: this.delete(filter, false) };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    this.assertOpen();
    validateFilter(filter);
    return { deletedCount: this.delete(filter, true) };
  }

  async bulkWrite(operations: BulkWriteOperation[]): Promise<BulkWriteResult> {
    this.assertOpen();
    const checked = validateBulk(operations);
    const result: BulkWriteResult = {
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      upsertedCount: 0,
      deletedCount: 0,
    };
    checked.forEach((op, i) => this.runBulk(op, i, result));
    return result;
  }

  async createIndex(key: IndexKey, options?: { unique?: boolean; name?: string }): Promise<string> {
    this.assertOpen();
    const name = this.indexes.create(validateIndex(key, options), this.docs);
    this.created = true;
    return name;
  }

  async dropIndex(name: string): Promise<void> {
    this.assertOpen();
    if (typeof name !== 'string') throw new ValidationError('name', 'must be a string');
    this.indexes.drop(name);
  }

  async listIndexes(): Promise<IndexDescription[]> {
    this.assertOpen();
    return this.created ? this.indexes.list().map(copyPlain) : [];
  }

  async drop(): Promise<void> {
    this.assertOpen();
    this.clear();
  }

  /** Forgets documents and indexes; the handle stays usable (dropDatabase keeps handles alive). */
  clear(): void {
    this.docs.clear();
    this.indexes.clear();
    this.created = false;
  }

  private matching(filter: Filter, atMost = Number.POSITIVE_INFINITY): Doc[] {
    const id = idEquality(filter);
    if (id !== undefined) {
      // The projections' path: one Map lookup and one direct test, no matcher to build.
      const doc = this.docs.get(id);
      return doc && atMost > 0 && (matchFast(filter, doc) ?? new Query(filter, MINGO_OPTIONS).test(doc))
        ? [doc]
        : [];
    }
    const matches = createMatcher(filter);
    const found: Doc[] = [];
    for (const doc of selectCandidates(filter, this.docs, this.indexes.values())) {
      if (found.length >= atMost) break;
      if (matches(doc)) found.push(doc);
    }
    return found;
  }

  private insert(doc: Doc, operationIndex?: number): DocumentId {
    doc._id ??= randomUUID();
    const id = doc._id as DocumentId;
    if (this.docs.has(id)) throw new DuplicateKeyError(this.name, ID_INDEX.name, operationIndex);
    const entries = this.indexes.entriesFor(doc, id, operationIndex);
    this.docs.set(id, doc);
    this.indexes.add(entries, id);
    this.created = true;
    return id;
  }

  private update(
    filter: Filter,
    update: UpdateOperators,
    upsert: boolean,
    many: boolean,
    operationIndex?: number,
  ): UpdateResult {
    const matches = this.matching(filter, many ? undefined : 1);
    if (matches.length === 0) {
      if (!upsert) return { matchedCount: 0, modifiedCount: 0, upsertedId: null };
      const seed = upsertSeed(filter);
      const presetId = update.$setOnInsert?._id;
      if (seed._id === undefined && presetId !== undefined) seed._id = presetId;
      checkOperandTypes(seed, update);
      applyUpdate(seed, update, true);
      return { matchedCount: 0, modifiedCount: 0, upsertedId: this.insert(seed, operationIndex) };
    }
    for (const doc of matches) checkOperandTypes(doc, update);
    let modifiedCount = 0;
    for (const doc of matches) {
      // Each document gets its own copy of the values, so no two documents share a nested object.
      if (this.modify(doc, matches.length > 1 ? copyPlain(update) : update, operationIndex)) modifiedCount++;
    }
    return { matchedCount: matches.length, modifiedCount, upsertedId: null };
  }

  private modify(doc: Doc, update: UpdateOperators, operationIndex?: number): boolean {
    if (this.indexes.size === 0) return applyUpdate(doc, update, false);
    const id = doc._id as DocumentId;
    const next = copyPlain(doc);
    if (!applyUpdate(next, update, false)) return false;
    const entries = this.indexes.entriesFor(next, id, operationIndex);
    this.indexes.remove(doc, id);
    this.indexes.add(entries, id);
    this.docs.set(id, next);
    return true;
  }

  private delete(filter: Filter, many: boolean): number {
    const matches = this.matching(filter, many ? undefined : 1);
    for (const doc of matches) {
      const id = doc._id as DocumentId;
      this.indexes.remove(doc, id);
      this.docs.delete(id);
    }
    return matches.length;
  }

  private runBulk(op: CheckedOperation, i: number, result: BulkWriteResult): void {
    switch (op.kind) {
      case 'insertOne':
        this.insert(op.document, i);
        result.insertedCount++;
        return;
      case 'updateOne':
      case 'updateMany': {
        const r = this.update(op.filter, op.update, op.upsert, op.kind === 'updateMany', i);
        result.matchedCount += r.matchedCount;
        result.modifiedCount += r.modifiedCount;
        if (r.upsertedId !== null) result.upsertedCount++;
        return;
      }
      case 'deleteOne':
      case 'deleteMany':
        result.deletedCount += this.delete(op.filter, op.kind === 'deleteMany');
        return;
      default: {
        const unreachable: never = op;
        throw new Error(`unknown bulk operation ${JSON.stringify(unreachable)}`);
      }
    }
  }
}
