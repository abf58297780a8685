import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  CaseNumberBlockClaimed,
  isValidCaseNumber,
  serialOfCaseNumber,
  type CaseNumberFormat,
} from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { CaseNumberAllocator } from './case-number-allocator';

const FIXTURE = join(__dirname, 'case-number-allocator.fixture.ts');
const ROOT = join(__dirname, '../../../..');
const FORMAT: CaseNumberFormat = { serialDigits: 7, blockSize: 10 };
const clock = { now: () => new Date() };

describe('CaseNumberAllocator on a shared SQLite event store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-case-numbers-'));
  const path = join(dir, 'events.db');
  const stores: SqliteEventStore[] = [];
  const open = (): SqliteEventStore => {
    const store = SqliteEventStore.open({ path, busyTimeoutMs: 30_000, durability: 'normal' });
    stores.push(store);
    return store;
  };
  const allocator = (store: SqliteEventStore, name: string) =>
    new CaseNumberAllocator({ store, clock, claimedBy: name, format: FORMAT });

  afterAll(async () => {
    for (const store of stores) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never hands out the same number from two processes and two store instances at once', async () => {
    const a = allocator(open(), 'instance-a');
    const b = allocator(open(), 'instance-b');
    const take = async (from: CaseNumberAllocator, count: number): Promise<string[]> => {
      const numbers: string[] = [];
      for (let i = 0; i < count; i++) numbers.push(await from.next());
      return numbers;
    };
    const child = promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', FIXTURE, path, '300', '10'],
      {
        cwd: ROOT,
      },
    ).then(({ stdout }) => JSON.parse(stdout) as string[]);
    const [fromA, fromB, fromChild] = await Promise.all([take(a, 300), take(b, 300), child]);

    const all = [...fromA, ...fromB, ...fromChild];
    expect(all).toHaveLength(900);
    expect(new Set(all).size).toBe(900);
    expect(all.every((n) => isValidCaseNumber(n))).toBe(true);
    // Each holder hands out its blocks in order; nobody got a number of someone else's block.
    const blocksOf = (numbers: string[]) =>
      new Set(numbers.map((n) => Math.floor(serialOfCaseNumber(n) / 10)));
    const [blocksA, blocksB, blocksChild] = [blocksOf(fromA), blocksOf(fromB), blocksOf(fromChild)];
    expect([...blocksA].filter((block) => blocksB.has(block) || blocksChild.has(block))).toEqual([]);
    const claims = await open().readAll({ filter: { eventTypes: [CaseNumberBlockClaimed.type] } });
    expect(claims).toHaveLength(blocksA.size + blocksB.size + blocksChild.size);
  });

  it('gives concurrent callers of one allocator distinct numbers', async () => {
    const one = allocator(open(), 'concurrent');
    const numbers = await Promise.all(Array.from({ length: 55 }, () => one.next()));
    expect(new Set(numbers).size).toBe(55);
  });

  it('never reuses the rest of a block after a restart: the next allocator starts above every claim', async () => {
    const store = open();
    const before = allocator(store, 'before-restart');
    const issued = [await before.next(), await before.next()];
    const after = allocator(store, 'after-restart');
    const next = await after.next();
    expect(serialOfCaseNumber(next)).toBeGreaterThan(
      Math.max(...issued.map((n) => serialOfCaseNumber(n))) + 8,
    );
    expect(serialOfCaseNumber(next) % 10).toBe(0);
  });
});
