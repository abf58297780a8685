import { z } from 'zod';
import { envInt } from '@hotline/infra/config';
import { platformConfigSchema } from '@hotline/infra/platform';

export const relayConfigSchema = platformConfigSchema.extend({
  RELAY_BATCH_SIZE: envInt({ min: 1, max: 10_000 })
    .default(1_000)
    .describe('Events per JetStream publish batch; the acks of a batch are awaited together'),
  HOTLINE_MODE: z
    .literal('distributed')
    .default('distributed')
    .describe('The relay only runs in distributed mode'),
});

export type RelayConfig = z.infer<typeof relayConfigSchema>;
