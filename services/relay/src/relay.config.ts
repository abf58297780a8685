import { z } from 'zod';
import { envInt } from '@hotline/infra/config';
import { platformConfigSchema } from '@hotline/infra/platform';

export const relayConfigSchema = platformConfigSchema.extend({
  RELAY_BATCH_SIZE: envInt({ min: 1, max: 10_000 })
    .default(1_000)
    .describe('Events per JetStream publish batch; the acks of a batch are awaited together'),
  RELAY_PUBLISH_TIMEOUT_MS: envInt({ min: 100, max: 60_000 })
    .default(2_000)
    .describe(
      'How long the relay waits for JetStream to acknowledge a publish before sending it again (repeats are dropped by Nats-Msg-Id)',
    ),
  RELAY_RETRY_MAX_MS: envInt({ min: 10, max: 60_000 })
    .default(1_000)
    .describe("Longest pause between the relay's publish retries while the bus is unreachable"),
  RELAY_INTEGRATION_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 characters of A-Z a-z 0-9 _ -')
    .optional()
    .describe(
      'JetStream stream of the integration feed for municipal IT: events without personal fields (ADR 0006); unset: no integration feed',
    ),
  RELAY_INTEGRATION_SUBJECT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'must be a subject without wildcards')
    .default('hotline.int')
    .describe('Subject prefix of the integration feed: <prefix>.<district>.<category>.<Type>'),
  RELAY_INTEGRATION_CATEGORIES: z
    .string()
    .regex(/^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/, 'must be comma-separated stream categories')
    .default('case,unit,dispatchCatalogue,caseEscalation,supervision,reminder')
    .describe(
      'Stream categories on the integration feed (an allow-list; their personal fields are marked in the contracts)',
    ),
  HOTLINE_MODE: z
    .literal('distributed')
    .default('distributed')
    .describe('The relay only runs in distributed mode'),
});

export type RelayConfig = z.infer<typeof relayConfigSchema>;
