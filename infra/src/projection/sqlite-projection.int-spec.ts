import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeProjectionContract } from './testing/projection.contract';
import { testStoreSpaces } from './testing/test-store';

const dir = mkdtempSync(join(tmpdir(), 'hotline-sqlite-projection-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeProjectionContract('SQLite', testStoreSpaces.sqlite(dir));
