import { z } from 'zod';
import { envInt } from '@hotline/infra/config';

/** The gateway's live-update settings (`GET /api/live`, `GET /api/routing/board/live`). */
export const liveConfigSchema = z.object({
  HOTLINE_LIVE_HEARTBEAT_MS: envInt({ min: 1_000, max: 300_000 })
    .default(15_000)
    .describe('A comment line this often keeps proxies from closing an idle live-update stream'),
  HOTLINE_LIVE_STREAMS_PER_USER: envInt({ min: 1, max: 100 })
    .default(5)
    .describe('Live-update streams one user may hold open at once (tabs, devices); one more gets 429'),
  HOTLINE_LIVE_BOARD_INTERVAL_MS: envInt({ min: 50, max: 10_000 })
    .default(250)
    .describe(
      "The supervisors' live wallboard is read again at most this often, however many routing events arrive (250: four updates a second)",
    ),
  HOTLINE_LIVE_BOARD_REFRESH_MS: envInt({ min: 1_000, max: 60_000 })
    .default(5_000)
    .describe(
      'The live wallboard is read again at least this often while someone watches (figures that move with time, and its freshness)',
    ),
});

export type LiveConfig = z.infer<typeof liveConfigSchema>;

/** Injection token of the LiveConfig. */
export const LIVE_CONFIG = Symbol('hotline.gateway.live-config');
