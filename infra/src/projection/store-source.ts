import type { EventStore } from '../event-store/event-store.port';
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
      let stopped = false;
      let rejected = false;
      const inFlight: Promise<void>[] = [];
      // Never throws: a rejection only stops the delivery loop (the runner handles the failure).
      const settle = (delivery: Promise<void>): Promise<void> =>
        delivery.then(
          () => undefined,
          () => {
            rejected = true;
          },
        );
      const loop = (async () => {
        try {
          for await (const item of subscription) {
            if (stopped || rejected) break;
            if (item.kind === 'caughtUp') {
              await Promise.all(inFlight.splice(0));
              if (stopped || rejected) break;
              handlers.onCaughtUp(item.position);
              continue;
            }
            inFlight.push(settle(handlers.onEvent(item.event)));
            if (inFlight.length >= window) await inFlight.shift();
          }
        } catch (error) {
          if (!stopped) handlers.onError(error);
        } finally {
          await Promise.all(inFlight.splice(0));
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
