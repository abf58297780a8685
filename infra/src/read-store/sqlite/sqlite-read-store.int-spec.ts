import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeReadStoreContract } from '../testing/read-store.contract';
import { SqliteReadStore } from './sqlite-read-store';

const dir = mkdtempSync(join(tmpdir(), 'hotline-read-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeReadStoreContract('SQLite', async () => SqliteReadStore.open({ path: join(dir, 'read-models.db') }));
