import { describeReadStoreContract } from '../testing/read-store.contract';
import { MONGODB_URL_HELP, realMongodbUrl } from '../testing/real-mongodb';
import { MongoReadStore } from './mongodb-read-store';

const url = realMongodbUrl('ReadStore contract');
const dbName = `contract_${process.pid}_${Date.now().toString(36)}`;

if (url) describeReadStoreContract('MongoDB', () => MongoReadStore.connect(url, dbName));
else {
  describe.skip('ReadStore contract [MongoDB] — skipped: MONGODB_URL not set', () => {
    it.todo(MONGODB_URL_HELP);
  });
}

// Needs no server; it also keeps this file in Jest's report when the contract above is skipped.
describe('MongoReadStore.connect', () => {
  it('refuses a malformed URL, database name or option before connecting, naming the field', async () => {
    await expect(MongoReadStore.connect('http://127.0.0.1:1/', 'db')).rejects.toMatchObject({ field: 'url' });
    await expect(MongoReadStore.connect('mongodb://127.0.0.1:1/', 'a.b')).rejects.toMatchObject({
      field: 'dbName',
    });
    await expect(
      MongoReadStore.connect('mongodb://127.0.0.1:1/', 'db', { opsPerCommand: 0 }),
    ).rejects.toMatchObject({
      field: 'options.opsPerCommand',
    });
  });
});
