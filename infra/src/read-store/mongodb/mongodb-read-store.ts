import { MongoClient, MongoError, type Db } from 'mongodb';
import { ValidationError } from '@hotline/contracts';
import type { ReadCollection, ReadDocument, ReadStore } from '../read-store.port';
import { validateCollectionName, validateDatabaseName } from '../validation/validate-options';
import { isNamespaceNotFound, mapMongoError } from './map-mongo-error';
import { MongoCollection } from './mongodb-collection';

export interface MongoReadStoreOptions {
  /** How long to look for a server before an operation fails. Default 10 s. */
  serverSelectionTimeoutMS?: number;
  /**
   * Most operations per command of a bulk write. Default 16, for FerretDB v1: its update command
   * holds one SQLite connection per update until the command ends, from a pool of 100 per
   * database, so a command of ~100 updates (or a few large ones at once) deadlocks the database.
   * Against MongoDB, 1000 is a better value.
   */
  opsPerCommand?: number;
}

/** The server does not have an option (FerretDB v1: `renameCollection`'s `dropTarget`). */
const NOT_IMPLEMENTED = 238;

/** The MongoDB read store (READ_STORE=mongodb; FerretDB in tests) through the official driver. */
export class MongoReadStore implements ReadStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    private readonly opsPerCommand: number,
  ) {}

  /** Connects and checks the server answers; the store owns the client and closes it. */
  static async connect(
    url: string,
    dbName: string,
    options: MongoReadStoreOptions = {},
  ): Promise<MongoReadStore> {
    if (typeof url !== 'string' || !/^mongodb(\+srv)?:\/\//.test(url))
      throw new ValidationError('url', 'must be a mongodb:// or mongodb+srv:// URL');
    validateDatabaseName(dbName);
    const { serverSelectionTimeoutMS = 10_000, opsPerCommand = 16 } = options;
    if (!Number.isSafeInteger(serverSelectionTimeoutMS) || serverSelectionTimeoutMS < 1) {
      throw new ValidationError('options.serverSelectionTimeoutMS', 'must be an integer >= 1');
    }
    if (!Number.isSafeInteger(opsPerCommand) || opsPerCommand < 1)
      throw new ValidationError('options.opsPerCommand', 'must be an integer >= 1');
    // ignoreUndefined: `{ a: undefined }` is dropped, as the memory store drops it.
    const client = new MongoClient(url, { serverSelectionTimeoutMS, ignoreUndefined: true });
    try {
      await client.connect();
      await client.db(dbName).command({ ping: 1 });
    } catch (error) {
      await client.close().catch(() => undefined);
      throw mapMongoError(error, '', 'url');
    }
    return new MongoReadStore(client, client.db(dbName), opsPerCommand);
  }

  collection<T extends ReadDocument = ReadDocument>(name: string): ReadCollection<T> {
    validateCollectionName(name);
    return new MongoCollection<T>(this.db.collection(name), name, this.opsPerCommand);
  }

  /**
   * One `renameCollection` command with `dropTarget` (atomic in MongoDB). FerretDB v1 has no
   * `dropTarget`: there the target is dropped first, so readers find it empty for that moment. Not
   * atomic across collections: the projection runner makes a shadow swap resumable instead
   * (shadow-swap.ts).
   */
  async renameCollection(from: string, to: string): Promise<void> {
    validateCollectionName(from, 'from');
    validateCollectionName(to, 'to');
    try {
      await this.renameOrEmpty(from, to, true);
    } catch (error) {
      if (!(error instanceof MongoError && error.code === NOT_IMPLEMENTED))
        throw mapMongoError(error, from, 'renameCollection');
      await this.collection(to).drop();
      await this.renameOrEmpty(from, to, false).catch((e: unknown) => {
        throw mapMongoError(e, from, 'renameCollection');
      });
    }
  }

  /** A collection never written is empty: renaming it leaves `to` empty too, as in the SQL stores. */
  private async renameOrEmpty(from: string, to: string, dropTarget: boolean): Promise<void> {
    try {
      await this.db.renameCollection(from, to, dropTarget ? { dropTarget } : {});
    } catch (error) {
      if (!isNamespaceNotFound(error)) throw error;
      await this.collection(to).drop();
    }
  }

  async listCollections(): Promise<string[]> {
    try {
      const infos = await this.db.listCollections({}, { nameOnly: true }).toArray();
      return infos
        .map((info) => info.name)
        .filter((name) => !name.startsWith('system.'))
        .sort();
    } catch (error) {
      throw mapMongoError(error, '', 'listCollections');
    }
  }

  async dropDatabase(): Promise<void> {
    try {
      await this.db.dropDatabase();
    } catch (error) {
      throw mapMongoError(error, '', 'dropDatabase');
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
