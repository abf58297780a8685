import { z } from 'zod';
import { DistrictId } from '@hotline/contracts';
import { envBool, envInt } from '@hotline/infra/config';

/** The routing service's own settings (the platform's are in platformConfigSchema). */
export const routingConfigSchema = z.object({
  ROUTING_DISTRICT: DistrictId.default('city').describe(
    'The district whose router (queues, agents, contacts) this service runs',
  ),
  ROUTING_TIMERS: envBool()
    .default(true)
    .describe(
      'Run the router timers (offer expiry, after-contact work, overflow); every instance may, one decision is kept',
    ),
  ROUTING_DEFAULT_HANDLE_SECONDS: envInt({ min: 1, max: 7_200 })
    .default(240)
    .describe('Handle time assumed for expected waits and staffing until the queue has history'),
  ROUTING_PATIENCE_SECONDS: envInt({ min: 1, max: 3_600 })
    .default(90)
    .describe('Mean caller patience assumed by the Erlang A staffing forecast'),
  ROUTING_SNAPSHOT_EVERY_EVENTS: envInt({ min: 0, max: 10_000_000 })
    .default(1_000)
    .describe(
      "Write a snapshot of the router's state after this many events, so a start folds only the events after it (0: never, fold the whole history)",
    ),
  ROUTING_SNAPSHOT_EVERY_MINUTES: envInt({ min: 1, max: 1_440 })
    .default(10)
    .describe(
      'Write a snapshot at least this often while events arrive (with ROUTING_SNAPSHOT_EVERY_EVENTS > 0)',
    ),
});
export type RoutingConfig = z.infer<typeof routingConfigSchema>;
