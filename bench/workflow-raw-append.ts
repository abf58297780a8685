/**
 * The raw engine beside the workflow command load: one event appended straight to the event store
 * per command, at the same open-loop rate, without the bus, the decider or the idempotency lookup.
 */
import { randomUUID } from 'node:crypto';
import type { EventStore } from '@hotline/infra/event-store';
import type { LoadResult } from './workflow-command-load';

export async function rawAppendLoad(store: EventStore, rate: number, seconds: number): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let offered = 0;
  let failed = 0;
  const start = performance.now();
  for (let elapsed = 0; elapsed < seconds * 1000; elapsed = performance.now() - start) {
    const target = Math.floor((rate * elapsed) / 1000);
    while (offered < target) {
      offered++;
      const id = randomUUID();
      const t = performance.now();
      const append = store
        .append(
          `rawload-${id}`,
          [
            {
              id,
              type: 'RawLoadAppended',
              version: 1,
              data: { n: offered },
              metadata: {
                correlationId: id,
                causationId: id,
                actor: { id: 'bench', role: 'system' },
                districtId: 'city',
              },
              time: new Date().toISOString(),
            },
          ],
          'noStream',
        )
        .then(
          () => void latenciesMs.push(performance.now() - t),
          () => void failed++,
        );
      const tracked = append.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all([...inFlight]);
  latenciesMs.sort((a, b) => a - b);
  return {
    offered,
    acknowledged: latenciesMs.length,
    repeats: 0,
    failed,
    seconds: (performance.now() - start) / 1000,
    latenciesMs,
    lost: 0,
    appliedTwice: 0,
    unacknowledgedApplied: 0,
  };
}
