import { randomUUID } from 'node:crypto';
import { MongoError, type AnyBulkWriteOperation, type Collection, type Document } from 'mongodb';
import { NotFoundError, ValidationError } from '@hotline/contracts';
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
import { DuplicateKeyError } from '../read-store.errors';
import { upsertSeed } from '../upsert-seed';
import { cloneDocument } from '../validation/plain-value';
import { validateBulk, type CheckedOperation } from '../validation/validate-bulk';
import { validateFilter } from '../validation/validate-filter';
import { validateFindOptions, validateIndex, validateUpsertOption } from '../validation/validate-options';
import { validatePipeline } from '../validation/validate-pipeline';
import { validateUpdate } from '../validation/validate-update';
import { INDEX_NOT_FOUND, isNamespaceNotFound, mapMongoError } from './map-mongo-error';

/** Upserts without an `_id` in the filter get a UUID string rather than the server's ObjectId. */
function withUpsertId(filter: Filter, update: UpdateOperators, upsert: boolean): UpdateOperators {
  if (!upsert || update.$setOnInsert?._id !== undefined || upsertSeed(filter)._id !== undefined)
    return update;
  return { ...update, $setOnInsert: { ...update.$setOnInsert, _id: randomUUID() } };
}

function withId(document: Record<string, unknown>): Document {
  document._id ??= randomUUID();
  return document;
}

function driverOperation(op: CheckedOperation): AnyBulkWriteOperation {
  switch (op.kind) {
    case 'insertOne':
      return { insertOne: { document: withId(op.document) } };
    case 'updateOne':
    case 'updateMany': {
      const spec = {
        filter: op.filter,
        update: withUpsertId(op.filter, op.update, op.upsert) as Document,
        upsert: op.upsert,
      };
      return op.kind === 'updateOne' ? { updateOne: spec } : { updateMany: spec };
    }
    case 'deleteOne':
      return { deleteOne: { filter: op.filter } };
    case 'deleteMany':
      return { deleteMany: { filter: op.filter } };
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

/** One collection through the driver; inputs pass the same validation as the memory adapter. */
export class MongoCollection<T extends ReadDocument = ReadDocument> implements ReadCollection<T> {
  constructor(
    private readonly coll: Collection,
    readonly name: string,
    private readonly opsPerCommand: number,
  ) {}

  private async run<R>(field: string, work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      throw mapMongoError(error, this.name, field);
    }
  }

  async find<R extends object = T>(filter: Filter = {}, options?: FindOptions): Promise<R[]> {
    validateFilter(filter);
    const { sort, skip, limit, projection } = validateFindOptions(options);
    return this.run(
      'filter',
      async () => (await this.coll.find(filter, { sort, skip, limit, projection }).toArray()) as R[],
    );
  }

  async findOne<R extends object = T>(filter: Filter = {}, options?: FindOneOptions): Promise<R | null> {
    const [first] = await this.find<R>(filter, { ...validateFindOptions(options), limit: 1 });
    return first ?? null;
  }

  async countDocuments(filter: Filter = {}): Promise<number> {
    validateFilter(filter);
    return this.run('filter', () => this.coll.countDocuments(filter));
  }

  async aggregate<R extends object = Record<string, unknown>>(pipeline: PipelineStage[]): Promise<R[]> {
    validatePipeline(pipeline);
    return this.run('pipeline', async () => (await this.coll.aggregate(pipeline).toArray()) as R[]);
  }

  async insertOne(document: NewDocument<T>): Promise<InsertOneResult> {
    const doc = withId(cloneDocument(document, 'document'));
    await this.run('document', () => this.coll.insertOne(doc));
    return { insertedId: doc._id as DocumentId };
  }

  async insertMany(documents: NewDocument<T>[]): Promise<InsertManyResult> {
    if (!Array.isArray(documents)) throw new ValidationError('documents', 'must be an array');
    const docs = documents.map((d, i) => withId(cloneDocument(d, `documents[${i}]`)));
    if (docs.length === 0) return { insertedCount: 0, insertedIds: [] };
    await this.run('documents', () => this.coll.insertMany(docs, { ordered: true }));
    return { insertedCount: docs.length, insertedIds: docs.map((d) => d._id as DocumentId) };
  }

  async updateOne(filter: Filter, update: UpdateOperators, options?: UpdateOptions): Promise<UpdateResult> {
    return this.update(filter, update, options, false);
  }

  async updateMany(filter: Filter, update: UpdateOperators, options?: UpdateOptions): Promise<UpdateResult> {
    return this.update(filter, update, options, true);
  }

  private async update(
    filter: Filter,
    update: UpdateOperators,
    options: UpdateOptions | undefined,
    many: boolean,
  ): Promise<UpdateResult> {
    validateFilter(filter);
    const checked = validateUpdate(update);
    const upsert = validateUpsertOption(options);
    const spec = withUpsertId(filter, checked, upsert) as Document;
    const result = await this.run('update', () =>
      many ? this.coll.updateMany(filter, spec, { upsert }) : this.coll.updateOne(filter, spec, { upsert }),
    );
    return {
      matchedCount: result.matchedCount,
      modifiedCount: result.modifiedCount,
      upsertedId: (result.upsertedId as DocumentId | null | undefined) ?? null,
    };
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    validateFilter(filter);
    const { deletedCount } = await this.run('filter', () => this.coll.deleteOne(filter));
    return { deletedCount };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    validateFilter(filter);
    const { deletedCount } = await this.run('filter', () => this.coll.deleteMany(filter));
    return { deletedCount };
  }

  /** Sent in slices of `opsPerCommand` (see MongoReadStoreOptions), one after the other. */
  async bulkWrite(operations: BulkWriteOperation[]): Promise<BulkWriteResult> {
    const ops = validateBulk(operations).map(driverOperation);
    const total: BulkWriteResult = {
      insertedCount: 0,
      matchedCount: 0,
      modifiedCount: 0,
      upsertedCount: 0,
      deletedCount: 0,
    };
    for (let start = 0; start < ops.length; start += this.opsPerCommand) {
      const slice = ops.slice(start, start + this.opsPerCommand);
      let r;
      try {
        r = await this.coll.bulkWrite(slice, { ordered: true });
      } catch (error) {
        const mapped = mapMongoError(error, this.name, 'operations');
        if (mapped instanceof DuplicateKeyError && mapped.operationIndex !== undefined) {
          throw new DuplicateKeyError(this.name, mapped.indexName, start + mapped.operationIndex);
        }
        throw mapped;
      }
      total.insertedCount += r.insertedCount;
      total.matchedCount += r.matchedCount;
      total.modifiedCount += r.modifiedCount;
      total.upsertedCount += r.upsertedCount;
      total.deletedCount += r.deletedCount;
    }
    return total;
  }

  async createIndex(key: IndexKey, options?: { unique?: boolean; name?: string }): Promise<string> {
    const spec = validateIndex(key, options);
    if (JSON.stringify(spec.key) === JSON.stringify({ _id: 1 })) return '_id_';
    return this.run('options', () =>
      this.coll.createIndex(spec.key, { name: spec.name, ...(spec.unique ? { unique: true } : {}) }),
    );
  }

  async dropIndex(name: string): Promise<void> {
    if (typeof name !== 'string') throw new ValidationError('name', 'must be a string');
    if (name === '_id_') throw new ValidationError('name', 'the _id index cannot be dropped');
    try {
      await this.coll.dropIndex(name);
    } catch (error) {
      if (error instanceof MongoError && (error.code === INDEX_NOT_FOUND || isNamespaceNotFound(error))) {
        throw new NotFoundError('index', `${this.name}.${name}`);
      }
      throw mapMongoError(error, this.name, 'name');
    }
  }

  async listIndexes(): Promise<IndexDescription[]> {
    try {
      const infos = (await this.coll.listIndexes().toArray()) as {
        name: string;
        key: IndexKey;
        unique?: boolean;
      }[];
      return infos.map((info) => ({
        name: info.name,
        key: info.key,
        unique: info.name === '_id_' || info.unique === true,
      }));
    } catch (error) {
      if (isNamespaceNotFound(error)) return [];
      throw mapMongoError(error, this.name, 'listIndexes');
    }
  }

  async drop(): Promise<void> {
    try {
      await this.coll.drop();
    } catch (error) {
      if (!isNamespaceNotFound(error)) throw mapMongoError(error, this.name, 'drop');
    }
  }
}
