import type { MessageRegistry } from '@hotline/contracts';
import type { ProjectionSource } from './projection.port';

/**
 * A source whose events reach projections at their current versions, lifted by the registry's
 * upcasters: a projection (and a replay of it) handles one shape per event type, whatever was stored.
 */
export function upcastingSource(source: ProjectionSource, registry: MessageRegistry): ProjectionSource {
  return {
    headPosition: () => source.headPosition(),
    start: (from, handlers) =>
      source.start(from, { ...handlers, onEvent: (event) => handlers.onEvent(registry.upcast(event)) }),
  };
}
