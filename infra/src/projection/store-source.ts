import type { EventStore } from '../event-store/event-store.port';
import { InFlight } from './in-flight';
import type { ProjectionSource, SourceHandle } from './projection.port';

export interface StoreSourceOptions {
  /** Deliveries that may await their acknowledgement at once; the runner's batches are at most this. Default 2048. */
  window?: number;
}

/**
 * Events straight from the event store (the embedded mode, and rebuilds): a subscription from the
 * runner's checkpoint, delivered without waiting for each acknowledgement so the runner can batch.
 */
export function storeSource(store: EventStore, options: StoreSourceOptions = {}): ProjectionSource {
  const window = options.window ?? 2048;
  return {
    headPosition: () => store.headPosition(),
    start({ fromPosition, filter }, handlers): SourceHandle {
      const subscription = store.subscribeToAll({ fromPosition, filter });
      const inFlight = new InFlight(window);
      let stopped = false;
      const loop = (async () => {
        try {
          for await (const item of subscription) {
            if (stopped || inFlight.rejected) break;
            if (item.kind === 'caughtUp') {
              await inFlight.settle();
              if (stopped || inFlight.rejected) break;
              handlers.onCaughtUp(item.position);
              continue;
            }
            inFlight.add(handlers.onEvent(item.event));
            if (inFlight.full) await inFlight.makeRoom();
          }
        } catch (error) {
          if (!stopped) handlers.onError(error);
        } finally {
          await inFlight.settle();
          await subscription.close();
        }
      })();
      return {
        async stop() {
          stopped = true;
          await subscription.close();
          await loop;
        },
      };
    },
  };
}
