import type { RecordedEvent } from '@hotline/contracts';
import { matchesFilter } from '../bus/event-filter';
import type { ProjectionSource, SourceHandle } from './projection.port';

/**
 * A fixed list of events in position order, delivered like a store subscription (pipelined, then
 * caught up, then nothing). For rebuilds from an export, benchmarks, and tests of projections.
 */
export function eventsSource(events: readonly RecordedEvent[], options: { window?: number } = {}): ProjectionSource {
  const window = options.window ?? 2048;
  return {
    headPosition: async () => events[events.length - 1]?.position ?? 0,
    start({ fromPosition = 0, filter }, handlers): SourceHandle {
      let stopped = false;
      let rejected = false;
      const loop = (async () => {
        await Promise.resolve(); // deliver after start() has returned its handle, as a subscription would
        const inFlight: Promise<void>[] = [];
        for (const event of events) {
          if (stopped || rejected) break;
          if (event.position <= fromPosition || !matchesFilter(event, filter)) continue;
          inFlight.push(
            handlers.onEvent(event).catch(() => {
              rejected = true;
            }),
          );
          if (inFlight.length >= window) await inFlight.shift();
        }
        await Promise.all(inFlight);
        if (!stopped && !rejected) handlers.onCaughtUp(events[events.length - 1]?.position ?? 0);
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
