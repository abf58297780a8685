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
  const window = options.window ?? 2048;
  return {
    headPosition: async () => events[events.length - 1]?.position ?? 0,
    start({ fromPosition = 0, filter }, handlers): SourceHandle {
      const inFlight = new InFlight(window);
      let stopped = false;
      const loop = (async () => {
        await Promise.resolve(); // deliver after start() has returned its handle, as a subscription would
        for (const event of events) {
          if (stopped || inFlight.rejected) break;
          if (event.position <= fromPosition || !matchesFilter(event, filter)) continue;
          inFlight.add(handlers.onEvent(event));
          if (inFlight.full) await inFlight.makeRoom();
        }
        await inFlight.settle();
        if (!stopped && !inFlight.rejected) handlers.onCaughtUp(events[events.length - 1]?.position ?? 0);
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
