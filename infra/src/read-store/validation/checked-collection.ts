import { randomUUID } from 'node:crypto';
import { ValidationError } from '@hotline/contracts';
import type {
  BulkWriteOperation,
  BulkWriteResult,
  DocumentId,
  DeleteResult,
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
import { cloneDocument } from './plain-value';
import { validateBulk, type CheckedOperation } from './validate-bulk';
import { validateFilter } from './validate-filter';
import { validateFindOptions, validateIndex, validateUpsertOption } from './validate-options';
import { validatePipeline } from './validate-pipeline';
import { validateUpdate } from './validate-update';

type Doc = Record<string, unknown>;

/** An index after validation. */
export interface CheckedIndex {
  key: IndexKey;
  unique: boolean;
  name: string;
}

/**
 * The collection as every adapter shows it: each input is validated and copied here, once, and the
 * adapter implements only the checked operations against its engine. So the SQLite, PostgreSQL and
 * MongoDB stores refuse the same input with the same error, by construction.
 */
export abstract class CheckedCollection<T extends ReadDocument = ReadDocument> implements ReadCollection<T> {
  abstract readonly name: string;

  protected abstract findChecked(filter: Filter, options: FindOptions): Promise<Doc[]>;
  protected abstract countChecked(filter: Filter): Promise<number>;
  protected abstract aggregateChecked(pipeline: PipelineStage[]): Promise<Doc[]>;
  /** Inserts in order; `field` names the input for an error (`document` or `documents`). */
  protected abstract insertChecked(documents: Doc[], field: string): Promise<void>;
  protected abstract updateChecked(
    filter: Filter,
    update: UpdateOperators,
    upsert: boolean,
    many: boolean,
  ): Promise<UpdateResult>;
  protected abstract deleteChecked(filter: Filter, many: boolean): Promise<number>;
  protected abstract bulkChecked(operations: CheckedOperation[]): Promise<BulkWriteResult>;
  /** Creates the index; returns its name (an adapter may answer `_id_` for the key it always has). */
  protected abstract createIndexChecked(index: CheckedIndex): Promise<string>;
  abstract dropIndex(name: string): Promise<void>;
  abstract listIndexes(): Promise<IndexDescription[]>;
  abstract drop(): Promise<void>;

  async find<R extends object = T>(filter: Filter = {}, options?: FindOptions): Promise<R[]> {
    validateFilter(filter);
    return (await this.findChecked(filter, validateFindOptions(options))) as R[];
  }

  async findOne<R extends object = T>(filter: Filter = {}, options?: FindOneOptions): Promise<R | null> {
    const [first] = await this.find<R>(filter, { ...validateFindOptions(options), limit: 1 });
    return first ?? null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    validateFilter(filter);
    return this.countChecked(filter);
  }

  async aggregate<R extends object = Doc>(pipeline: PipelineStage[]): Promise<R[]> {
    validatePipeline(pipeline);
    return (await this.aggregateChecked(pipeline)) as R[];
  }

  async insertOne(document: NewDocument<T>): Promise<InsertOneResult> {
    const doc = withId(cloneDocument(document, 'document'));
    await this.insertChecked([doc], 'document');
    return { insertedId: doc._id as DocumentId };
  }

  async insertMany(documents: NewDocument<T>[]): Promise<InsertManyResult> {
    if (!Array.isArray(documents)) throw new ValidationError('documents', 'must be an array');
    const docs = documents.map((d, i) => withId(cloneDocument(d, `documents[${i}]`)));
    if (docs.length === 0) return { insertedCount: 0, insertedIds: [] };
    await this.insertChecked(docs, 'documents');
    return { insertedCount: docs.length, insertedIds: docs.map((d) => d._id as DocumentId) };
  }

  updateOne(filter: Filter, update: UpdateOperators, options?: UpdateOptions): Promise<UpdateResult> {
    return this.update(filter, update, options, false);
  }

  updateMany(filter: Filter, update: UpdateOperators, options?: UpdateOptions): Promise<UpdateResult> {
    return this.update(filter, update, options, true);
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    validateFilter(filter);
    return { deletedCount: await this.deleteChecked(filter, false) };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    validateFilter(filter);
    return { deletedCount: await this.deleteChecked(filter, true) };
  }

  async bulkWrite(operations: BulkWriteOperation[]): Promise<BulkWriteResult> {
    return this.bulkChecked(validateBulk(operations));
  }

  async createIndex(key: IndexKey, options?: { unique?: boolean; name?: string }): Promise<string> {
    return this.createIndexChecked(validateIndex(key, options));
  }

  private async update(
    filter: Filter,
    update: UpdateOperators,
    options: UpdateOptions | undefined,
    many: boolean,
  ): Promise<UpdateResult> {
    validateFilter(filter);
    const checked = validateUpdate(update);
    return this.updateChecked(filter, checked, validateUpsertOption(options), many);
  }
}

/** A document to insert, with `_id` first (a random UUID when it has none). */
export function withId(doc: Doc): Doc {
  if (doc._id !== undefined) return doc;
  return { _id: randomUUID(), ...doc };
}

/** The primitives a bulk write runs one after the other, in the adapter's transaction. */
export interface BulkSteps<X> {
  insert(x: X, document: Doc): void | Promise<void>;
  update(
    x: X,
    filter: Filter,
    update: UpdateOperators,
    upsert: boolean,
    many: boolean,
  ): UpdateResult | Promise<UpdateResult>;
  delete(x: X, filter: Filter, many: boolean): number | Promise<number>;
}

/**
 * One step per checked operation, each adding its effect to `result`: a SQL adapter's bulk write,
 * run in its transaction. Synchronous when the adapter's steps are (SQLite), else promises.
 */
export function bulkSteps<X>(
  operations: CheckedOperation[],
  steps: BulkSteps<X>,
  result: BulkWriteResult,
): Array<(x: X) => void | Promise<void>> {
  return operations.map((op) => (x: X) => {
    switch (op.kind) {
      case 'insertOne':
        return after(steps.insert(x, withId(op.document)), () => void result.insertedCount++);
      case 'updateOne':
      case 'updateMany':
        return after(steps.update(x, op.filter, op.update, op.upsert, op.kind === 'updateMany'), (r) => {
          result.matchedCount += r.matchedCount;
          result.modifiedCount += r.modifiedCount;
          if (r.upsertedId !== null) result.upsertedCount++;
        });
      case 'deleteOne':
      case 'deleteMany':
        return after(steps.delete(x, op.filter, op.kind === 'deleteMany'), (n) => {
          result.deletedCount += n;
        });
    }
  });
}

function after<A>(value: A | Promise<A>, then: (a: A) => void): void | Promise<void> {
  return value instanceof Promise ? value.then(then) : then(value);
}

export const emptyBulkResult = (): BulkWriteResult => ({
  insertedCount: 0,
  matchedCount: 0,
  modifiedCount: 0,
  upsertedCount: 0,
  deletedCount: 0,
});
