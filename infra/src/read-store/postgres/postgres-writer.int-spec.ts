import { createTemporaryDatabase, type TemporaryDatabase } from '../../postgres/testing/temporary-database';
import { DuplicateKeyError } from '../read-store.errors';
import { PostgresReadStore } from './postgres-read-store';

let database: TemporaryDatabase;
let store: PostgresReadStore;

beforeAll(async () => {
  database = await createTemporaryDatabase('read_store_writer');
  store = await PostgresReadStore.open({ url: database.url });
});

afterAll(async () => {
  await store.close();
  await database.drop();
});

describe('PostgreSQL read store writer', () => {
  it('commits a batch of writes and its checkpoint together, unseen by others until the commit', async () => {
    const writer = store.writer();
    const cases = store.collection('cases');
    const checkpoints = store.collection('checkpoints');
    // Made before the batch, as a projection does at start: a table created inside the open
    // transaction would make other connections wait for its commit.
    await cases.createIndex({ status: 1 });
    await checkpoints.createIndex({ position: 1 });
    await writer.begin();
    await writer.run(async () => {
      await cases.insertOne({ _id: 'c1', status: 'open' });
      await checkpoints.updateOne({ _id: 'cases' }, { $set: { position: 7 } }, { upsert: true });
      expect(await cases.countDocuments()).toBe(1);
    });
    expect(await cases.countDocuments()).toBe(0);
    await writer.commit();
    expect(await cases.find({})).toEqual([{ _id: 'c1', status: 'open' }]);
    expect(await checkpoints.findOne({ _id: 'cases' })).toEqual({ _id: 'cases', position: 7 });
  });

  it('takes everything back on rollback, and a refused write inside does not spoil the rest', async () => {
    const writer = store.writer();
    const cases = store.collection('cases');
    await writer.begin();
    await writer.run(async () => {
      await cases.insertOne({ _id: 'c2' });
      await expect(cases.insertOne({ _id: 'c1' })).rejects.toBeInstanceOf(DuplicateKeyError);
      await cases.updateOne({ _id: 'c1' }, { $set: { status: 'closed' } });
    });
    await writer.rollback();
    expect(await cases.find({}, { sort: { _id: 1 } })).toEqual([{ _id: 'c1', status: 'open' }]);
    await writer.begin();
    await writer.run(() => cases.updateOne({ _id: 'c1' }, { $set: { status: 'closed' } }));
    await writer.commit();
    expect(await cases.findOne({ _id: 'c1' })).toEqual({ _id: 'c1', status: 'closed' });
  });

  it('renames a rebuilt collection over the old one, with its indexes', async () => {
    const shadow = store.collection('cases_v2');
    await shadow.createIndex({ status: 1 });
    await shadow.insertOne({ _id: 'c9', status: 'open' });
    await store.renameCollection('cases_v2', 'cases');
    expect(await store.collection('cases').find({ status: 'open' })).toEqual([{ _id: 'c9', status: 'open' }]);
    expect((await store.collection('cases').listIndexes()).map((i) => i.name)).toEqual(['_id_', 'status_1']);
    expect(await store.listCollections()).toEqual(['cases', 'checkpoints']);
  });
});
