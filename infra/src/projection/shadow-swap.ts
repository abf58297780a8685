import type { ReadStore } from '../read-store/read-store.port';
import type { ProjectionCheckpoints } from './projection-checkpoints';
import type { Projection } from './projection.port';
import { shadowName } from './shadow-read-store';

/**
 * Swaps a caught-up shadow rebuild in: its collections take the projection's names (replacing the
 * old version's) and the projection's checkpoint moves to the new version at `position`.
 *
 * A store with writers (SQLite, PostgreSQL) does it in one transaction. Elsewhere (MongoDB: a
 * rename is one command, there is no transaction across them) it is a sequence a crash can cut
 * short, so it is made resumable: the shadow checkpoint is first marked `swapping` with the
 * collections the rebuild never created (their old versions are dropped, not replaced); after
 * that, a shadow collection that is missing was renamed already. A start that finds the mark runs
 * this again, which finishes what is left.
 */
export async function swapInShadow(
  store: ReadStore,
  checkpoints: ProjectionCheckpoints,
  projection: Projection,
  position: number,
): Promise<void> {
  const { name, version, collections } = projection;
  const shadowCheckpoint = shadowName(name, version);
  const writer = store.writer?.();
  if (writer) {
    await writer.run(async () => {
      await writer.begin();
      try {
        for (const c of collections) await store.renameCollection?.(shadowName(c, version), c);
        await checkpoints.save(name, position, version);
        await checkpoints.remove(shadowCheckpoint);
        await writer.commit();
      } catch (error) {
        await writer.rollback();
        throw error;
      }
    });
    return;
  }
  const existing = new Set(await store.listCollections());
  const marked = (await checkpoints.load(shadowCheckpoint))?.swapping;
  const unwritten = marked?.unwritten ?? collections.filter((c) => !existing.has(shadowName(c, version)));
  if (!marked) await checkpoints.markSwapping(shadowCheckpoint, unwritten);
  for (const c of collections) {
    if (unwritten.includes(c)) await store.collection(c).drop();
    else if (existing.has(shadowName(c, version))) await store.renameCollection?.(shadowName(c, version), c);
  }
  await checkpoints.save(name, position, version);
  await checkpoints.remove(shadowCheckpoint);
}
