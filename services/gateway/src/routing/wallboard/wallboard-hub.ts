import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import {
  CITY_DISTRICT,
  GetQueueBoard,
  ROUTING_SERVICE,
  systemActor,
  type QueryViewer,
} from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import { PLATFORM, type Platform } from '@hotline/infra/platform';
import type { AuthServices } from '../../auth/auth-services';
import { AUTH_SERVICES } from '../../auth/auth.tokens';
import { BUS_CLIENT } from '../../bus-client.token';
import { LIVE_CONFIG, type LiveConfig } from '../../live/live.config';
import { agentIdsIn, SeatNames } from '../seat-names';
import type { LiveBoard } from './board-delta';
import { WallboardFeed } from './wallboard-feed';

/**
 * The board is the deployment's router's, the same for every supervisor (`GET /api/routing/board`
 * scopes it by role only), so one feed serves every watcher. Should the router scope its board by
 * viewer one day, this needs one feed per scope.
 */
const WALLBOARD_VIEWER: QueryViewer = { actor: systemActor('gateway-wallboard'), districtId: CITY_DISTRICT };

/** The gateway's one wallboard feed: the router's board, with names, pushed to the watching supervisors. */
@Injectable()
export class WallboardHub implements OnModuleDestroy {
  readonly feed: WallboardFeed;

  constructor(
    @Inject(PLATFORM) platform: Platform,
    @Inject(BUS_CLIENT) bus: ClientProxy,
    @Inject(AUTH_SERVICES) auth: AuthServices,
    @Inject(LIVE_CONFIG) config: LiveConfig,
  ) {
    const requests = new BusRequests(bus);
    const seats = new SeatNames(auth.accounts);
    this.feed = new WallboardFeed({
      source: platform.projectionSource(),
      fetch: async () => {
        const board = await requests.queryByName<Omit<LiveBoard, 'names'>>(
          ROUTING_SERVICE,
          GetQueueBoard.type,
          { viewer: WALLBOARD_VIEWER },
          'wallboard',
        );
        return { ...board, names: await seats.of(agentIdsIn(board)) };
      },
      minIntervalMs: config.HOTLINE_LIVE_BOARD_INTERVAL_MS,
      refreshMs: config.HOTLINE_LIVE_BOARD_REFRESH_MS,
      warn: (error, message) => platform.logger.warn({ err: error }, message),
    });
  }

  onModuleDestroy(): Promise<void> {
    return this.feed.close();
  }
}
