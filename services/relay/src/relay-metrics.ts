import type { Registry } from 'prom-client';
import type { RelayMetrics } from '@hotline/infra/relay';
import { counter, gauge } from '@hotline/infra/telemetry';

export function relayMetrics(registry: Registry): RelayMetrics {
  const published = counter(registry, {
    name: 'hotline_relay_published_total',
    help: 'Events published to JetStream',
  });
  const failures = counter(registry, {
    name: 'hotline_relay_publish_failures_total',
    help: 'Failed publish attempts (retried)',
  });
  const position = gauge(registry, {
    name: 'hotline_relay_position',
    help: 'Store position of the last event JetStream acknowledged',
  });
  return {
    published: (count, at) => {
      published.inc(count);
      position.set(at);
    },
    failed: () => failures.inc(),
  };
}
