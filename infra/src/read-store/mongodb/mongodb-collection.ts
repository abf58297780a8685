import { randomUUID } from 'node:crypto';
import { MongoError, type AnyBulkWriteOperation, type Collection, type Document } from 'mongodb';
import { NotFoundError, ValidationError } from '@hotline/contracts';
import type {
  BulkWriteResult,
  DocumentId,
  Filter,
  FindOptions,
  IndexDescription,
  PipelineStage,
  ReadDocument,
  UpdateOperators,
  IndexKey,
  UpdateResult,
} from '../read-store.port';
import { DuplicateKeyError } from '../read-store.errors';
import { upsertSeed } from '../upsert-seed';
import {
  CheckedCollection,
  emptyBulkResult,
  withId,
  type CheckedIndex,
} from '../validation/checked-collection';
import type { CheckedOperation } from '../validation/validate-bulk';
import { INDEX_NOT_FOUND, isNamespaceNotFound, mapMongoError } from './map-mongo-error';

/** Upserts without an `_id` in the filter get a UUID string rather than the server's ObjectId. */
function withUpsertId(filter: Filter, update: UpdateOperators, upsert: boolean): UpdateOperators {
  if (!upsert || update.$setOnInsert?._id !== undefined || upsertSeed(filter)._id !== undefined)
    return update;
  return { ...update, $setOnInsert: { ...update.$setOnInsert, _id: randomUUID() } };
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
export class MongoCollection<T extends ReadDocument = ReadDocument> extends CheckedCollection<T> {
  constructor(
    private readonly coll: Collection,
    readonly name: string,
    private readonly opsPerCommand: number,
  ) {
    super();
  }

  private async run<R>(field: string, work: () => Promise<R>): Promise<R> {
    try {
      return await work();
    } catch (error) {
      throw mapMongoError(error, this.name, field);
    }
  }

  protected findChecked(filter: Filter, options: FindOptions): Promise<Record<string, unknown>[]> {
    const { sort, skip, limit, projection } = options;
    return this.run('filter', () => this.coll.find(filter, { sort, skip, limit, projection }).toArray());
  }

  protected countChecked(filter: Filter): Promise<number> {
    return this.run('filter', () => this.coll.countDocuments(filter));
  }

  protected aggregateChecked(pipeline: PipelineStage[]): Promise<Record<string, unknown>[]> {
    return this.run('pipeline', () => this.coll.aggregate(pipeline).toArray());
  }

  protected async insertChecked(documents: Record<string, unknown>[], field: string): Promise<void> {
    await this.run(field, async () => {
      if (documents.length === 1) await this.coll.insertOne(documents[0] as Document);
      else await this.coll.insertMany(documents, { ordered: true });
    });
  }

  protected async updateChecked(
    filter: Filter,
    update: UpdateOperators,
    upsert: boolean,
    many: boolean,
  ): Promise<UpdateResult> {
    const spec = withUpsertId(filter, update, upsert) as Document;
    const result = await this.run('update', () =>
      many ? this.coll.updateMany(filter, spec, { upsert }) : this.coll.updateOne(filter, spec, { upsert }),
    );
    return {
      matchedCount: result.matchedCount,
      modifiedCount: result.modifiedCount,
      upsertedId: (result.upsertedId as DocumentId | null | undefined) ?? null,
    };
  }

  protected async deleteChecked(filter: Filter, many: boolean): Promise<number> {
    const { deletedCount } = await this.run('filter', () =>
      many ? this.coll.deleteMany(filter) : this.coll.deleteOne(filter),
    );
    return deletedCount;
  }

  /** Sent in slices of `opsPerCommand` (see MongoReadStoreOptions), one after the other. */
  protected async bulkChecked(operations: CheckedOperation[]): Promise<BulkWriteResult> {
    const ops = operations.map(driverOperation);
    const total = emptyBulkResult();
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

  protected async createIndexChecked(spec: CheckedIndex): Promise<string> {
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
