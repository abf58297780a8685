import type { RecordedEvent } from '@hotline/contracts';
import { matchesFilter } from '../bus/event-filter';
import { InFlight } from './in-flight';
import type { ProjectionSource, SourceHandle } from './projection.port';

/**
 * A fixed list of events in position order, delivered like a store subscription (pipelined, then
 * caught up, then nothing). For rebuilds from an export, benchmarks, and tests of projections.
 */
export function eventsSource(
  events: readonly RecordedEvent[],
  options: { window?: number } = {},
): ProjectionSource {
  return generatedSource(events[events.length - 1]?.position ?? 0, () => events, options);
}

/**
 * Events made on demand, in position order, up to `head`: a history too large to hold in memory
 * (benchmarks of millions of events) is generated again for each projection that reads it.
 */
export function generatedSource(
  head: number,
  events: () => Iterable<RecordedEvent>,
  options: { window?: number } = {},
): ProjectionSource {
  const window = options.window ?? 2048;
  return {
    headPosition: async () => head,
    start({ fromPosition = 0, filter }, handlers): SourceHandle {
      const inFlight = new InFlight(window);
      let stopped = false;
      const loop = (async () => {
        await Promise.resolve(); // deliver after start() has returned its handle, as a subscription would
        for (const event of events()) {
          if (stopped || inFlight.rejected) break;
          if (event.position <= fromPosition || !matchesFilter(event, filter)) continue;
          inFlight.add(handlers.onEvent(event));
          if (inFlight.full) await inFlight.makeRoom();
        }
        await inFlight.settle();
        if (!stopped && !inFlight.rejected) handlers.onCaughtUp(head);
      })();
      return {
        async stop() {
          stopped = true;
          await loop;
        },
      };
    },
  };
}
