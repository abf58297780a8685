import { z } from 'zod';
import { envBool } from '@hotline/infra/config';

/** The telephone edge's own settings (the platform's are in platformConfigSchema). */
export const sipappConfigSchema = z.object({
  SIPAPP_FLOW_ID: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/)
    .default('main')
    .describe('The IVR flow that answers incoming calls (the shipped default until one is published)'),
  SIPAPP_TELEPHONY: envBool()
    .default(false)
    .describe(
      'Connect to drachtio-server and the media engine and answer calls; off, only the flow API runs',
    ),
});
export type SipappConfig = z.infer<typeof sipappConfigSchema>;
