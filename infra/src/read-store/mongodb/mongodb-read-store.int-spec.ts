import { describeReadStoreContract } from '../testing/read-store.contract';
import { MongoReadStore } from './mongodb-read-store';

const url = process.env.MONGODB_URL;
const dbName = `contract_${process.pid}_${Date.now().toString(36)}`;

if (url) describeReadStoreContract('MongoDB', () => MongoReadStore.connect(url, dbName));
else describe.skip('ReadStore contract [MongoDB] — skipped: MONGODB_URL not set', () => it.todo('runs'));
