import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per service, labelled with the service name, with Node's default metrics. In embedded
 * mode the services share one registry (one `/metrics`), so instruments are got-or-created by name:
 * the second component asking for `hotline_commands_total` gets the first one's counter.
 */
export function createMetrics(serviceName: string, options: { defaultMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: serviceName });
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  return registry;
}

interface InstrumentConfig<L extends string> {
  name: string;
  help: string;
  labelNames?: readonly L[];
}

const existing = <M>(registry: Registry, name: string, kind: new (...args: never[]) => M): M | undefined => {
  const metric = registry.getSingleMetric(name);
  if (metric === undefined) return undefined;
  if (!(metric instanceof kind)) throw new Error(`metric ${name} is already registered as another kind`);
  return metric;
};

export const counter = <L extends string>(registry: Registry, config: InstrumentConfig<L>): Counter<L> =>
  existing<Counter<L>>(registry, config.name, Counter) ??
  new Counter<L>({ ...config, registers: [registry] });

export const gauge = <L extends string>(registry: Registry, config: InstrumentConfig<L>): Gauge<L> =>
  existing<Gauge<L>>(registry, config.name, Gauge) ?? new Gauge<L>({ ...config, registers: [registry] });

export const histogram = <L extends string>(
  registry: Registry,
  config: InstrumentConfig<L> & { buckets?: number[] },
): Histogram<L> =>
  existing<Histogram<L>>(registry, config.name, Histogram) ??
  new Histogram<L>({ ...config, registers: [registry] });

/** `outcome` is `ok`, `idempotent`, or the ErrorKind of the failure (`rule`, `conflict`, `validation`, …). */
export const commandMetrics = (registry: Registry) => ({
  total: counter(registry, {
    name: 'hotline_commands_total',
    help: 'Commands handled, by command type and outcome',
    labelNames: ['type', 'outcome'],
  }),
  duration: histogram(registry, {
    name: 'hotline_command_duration_seconds',
    help: 'Time to handle a command (load, decide, append), by command type and outcome',
    labelNames: ['type', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  }),
  conflictRetries: counter(registry, {
    name: 'hotline_command_conflict_retries_total',
    help: 'Appends retried from the load after a concurrent write to the same stream',
    labelNames: ['type'],
  }),
  eventsAppended: counter(registry, {
    name: 'hotline_events_appended_total',
    help: 'Events appended to the event store by command handlers, by event type',
    labelNames: ['type'],
  }),
});

export type CommandMetrics = ReturnType<typeof commandMetrics>;
