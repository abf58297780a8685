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
});
export type RoutingConfig = z.infer<typeof routingConfigSchema>;
