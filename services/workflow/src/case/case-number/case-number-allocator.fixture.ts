/**
 * A second process for the allocator test: allocates COUNT case numbers from the SQLite store FILE
 * in blocks of BLOCK_SIZE and prints them as JSON.
 * Usage: node -r @swc-node/register case-number-allocator.fixture.ts FILE COUNT BLOCK_SIZE
 */
import { SqliteEventStore } from '@hotline/infra/event-store';
import { CaseNumberAllocator } from './case-number-allocator';

const [file, countText, blockSizeText] = process.argv.slice(2);

async function main(): Promise<void> {
  if (file === undefined) throw new Error('usage: FILE COUNT BLOCK_SIZE');
  const store = SqliteEventStore.open({ path: file, busyTimeoutMs: 30_000, durability: 'normal' });
  const allocator = new CaseNumberAllocator({
    store,
    clock: { now: () => new Date() },
    claimedBy: `fixture:${process.pid}`,
    format: { serialDigits: 7, blockSize: Number(blockSizeText) },
  });
  const numbers: string[] = [];
  for (let i = 0; i < Number(countText); i++) numbers.push(await allocator.next());
  await store.close();
  process.stdout.write(JSON.stringify(numbers));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
