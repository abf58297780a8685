import { z } from 'zod';

/** The gateway's Open311 GeoReport v2 endpoint (`/open311/v2/…`). */
export const open311ConfigSchema = z.object({
  HOTLINE_OPEN311_JURISDICTION_ID: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{0,99}$/, 'must be lowercase letters, digits, dots and dashes')
    .default('city')
    .describe(
      "The jurisdiction this deployment answers for: a client's `jurisdiction_id`, when it sends one, must be this (e.g. the city's domain)",
    ),
});

export type Open311Config = z.infer<typeof open311ConfigSchema>;

/** Injection token of the Open311Config. */
export const OPEN311_CONFIG = Symbol('hotline.gateway.open311-config');
