import type { Counter, Gauge, Registry } from 'prom-client';
import { counter, gauge } from '../telemetry/metrics';

type LagReader = () => Promise<number>;

/** The runners reporting lag through each registry, read when the registry is scraped. */
const lagReaders = new WeakMap<Registry, Map<string, LagReader>>();

/**
 * `hotline_projection_lag_events{projection}`: events in the log the projection has not stored yet
 * (head position − checkpoint; 0 when it is live with nothing in hand), and
 * `hotline_projection_events_total{projection,outcome}`: events applied, skipped (redeliveries and
 * events at or before the checkpoint) or failed.
 */
export class ProjectionMetrics {
  private readonly events: Counter<'projection' | 'outcome'>;
  private readonly lag: Gauge<'projection'>;

  constructor(
    private readonly registry: Registry,
    private readonly projection: string,
  ) {
    this.events = counter(registry, {
      name: 'hotline_projection_events_total',
      help: 'Events seen by a projection, by outcome: applied, skipped (already applied) or failed',
      labelNames: ['projection', 'outcome'],
    });
    let readers = lagReaders.get(registry);
    if (!readers) lagReaders.set(registry, (readers = new Map<string, LagReader>()));
    const all = readers;
    this.lag = gauge(registry, {
      name: 'hotline_projection_lag_events',
      help: 'Events in the log a projection has not stored yet',
      labelNames: ['projection'],
    });
    // prom-client calls collect() on each scrape; one gauge serves every runner of the registry.
    Object.assign(this.lag, {
      async collect(this: Gauge<'projection'>) {
        await Promise.all(
          [...all].map(async ([name, read]) => {
            this.set({ projection: name }, await read().catch(() => Number.NaN));
          }),
        );
      },
    });
  }

  watchLag(read: LagReader): void {
    lagReaders.get(this.registry)?.set(this.projection, read);
  }

  unwatchLag(): void {
    lagReaders.get(this.registry)?.delete(this.projection);
    this.lag.remove({ projection: this.projection });
  }

  count(outcome: 'applied' | 'skipped' | 'failed', n = 1): void {
    if (n > 0) this.events.inc({ projection: this.projection, outcome }, n);
  }
}
