import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { actorFromRequest } from '../../actor-from-request';
import { Allow } from '../../auth/allow.decorator';
import { Doc, DocTag } from '../../openapi/doc.decorator';
import { openEventStream } from '../../live/event-stream';
import { LIVE_CONFIG, type LiveConfig } from '../../live/live.config';
import { StreamQuota } from '../../live/stream-quota';
import { WallboardHub } from './wallboard-hub';

/** `GET /api/routing/board/live`: the wallboard of `GET /api/routing/board`, pushed. */
@DocTag('routing')
@Controller('api/routing')
export class WallboardLiveController {
  private readonly quota: StreamQuota;

  constructor(
    @Inject(WallboardHub) private readonly hub: WallboardHub,
    @Inject(LIVE_CONFIG) private readonly config: LiveConfig,
  ) {
    this.quota = new StreamQuota(() => config.HOTLINE_LIVE_STREAMS_PER_USER);
  }

  @Doc({
    summary: 'The wallboard as Server-Sent Events (`event: board`): the whole board, then its changes.',
    description:
      'Data: `{ kind: "snapshot", ageMs, board }` first (the board of `GET /api/routing/board`, with `names`), then `{ kind: "delta", ageMs, delta: { queues, agents, removedQueueIds, removedAgentIds, bulletins?, names } }` (changed rows whole) at most every HOTLINE_LIVE_BOARD_INTERVAL_MS (250 ms), or `{ kind: "fresh", ageMs }` when the board was read again and nothing shown changed (at least every HOTLINE_LIVE_BOARD_REFRESH_MS, 5 s). `ageMs`: how old the board is. Each message’s SSE `id` names its board: a reconnect with `Last-Event-ID` gets one `delta` of what changed since (or `fresh`), or the whole board when the id is unknown (another gateway, a restart) or older than the last 240 changes. Seconds in a state and the longest wait count on from when a row was received. At most HOTLINE_LIVE_STREAMS_PER_USER (5) streams per user, 429 beyond.',
    responses: { 200: { description: 'The event stream.', mediaType: 'text/event-stream' } },
  })
  @Allow('supervisor', 'center')
  @Get('board/live')
  live(@Req() request: IncomingMessage, @Res() response: ServerResponse): void {
    const release = this.quota.take(actorFromRequest(request.headers).actor.id);
    let unsubscribe = (): void => undefined;
    const stream = openEventStream(request, response, this.config.HOTLINE_LIVE_HEARTBEAT_MS, () => {
      unsubscribe();
      release();
    });
    const lastEventId = request.headers['last-event-id'];
    unsubscribe = this.hub.feed.subscribe(
      {
        send: (message, id) => stream.send('board', message, id),
        close: () => response.end(),
      },
      typeof lastEventId === 'string' ? lastEventId : undefined,
    );
  }
}
