import { describeReadStoreContract } from '../testing/read-store.contract';
import { MongoReadStore } from './mongodb-read-store';

// FERRETDB_URL comes from Jest's global setup (scripts/engines.mjs), which starts FerretDB when needed.
const url = process.env.FERRETDB_URL;
const dbName = `contract_${process.pid}_${Date.now().toString(36)}`;

if (url) describeReadStoreContract('FerretDB', () => MongoReadStore.connect(url, dbName));
else
  describe.skip('ReadStore contract [FerretDB] — skipped: FERRETDB_URL not set (run through Jest global setup)', () =>
    it.todo('runs'));
