import type { ProjectionRunner } from './projection-runner';

/**
 * Why a set of projections is not ready, for `/health/ready`: per projection not yet live (or not
 * yet past `startHeads`, the head it must reach), how many events it is behind, and where a
 * failing handler stopped it. Undefined when all are ready.
 */
export async function projectionsBehind(
  runners: readonly ProjectionRunner[],
  startHeads: ReadonlyMap<string, number> = new Map(),
): Promise<string | undefined> {
  const reasons: string[] = [];
  for (const runner of runners) {
    const report = await runner.report();
    const { name, state, checkpoint, failedAt, behind } = report;
    if (failedAt) {
      reasons.push(
        `${name} stopped at event ${failedAt.position} (${failedAt.eventType}): ${failedAt.reason}`,
      );
      continue;
    }
    const needed = startHeads.get(name) ?? 0;
    if (state === 'live' && checkpoint >= needed) continue;
    reasons.push(`${name} is ${state}, ${behind} events behind (at ${checkpoint})`);
  }
  return reasons.length > 0 ? reasons.join('; ') : undefined;
}
