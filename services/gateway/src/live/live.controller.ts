import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ValidationError } from '@hotline/contracts';
import { actorFromRequest } from '../actor-from-request';
import { ANY_ROLE, Allow } from '../auth/allow.decorator';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { openEventStream } from './event-stream';
import { LiveHub } from './live-hub';
import { LIVE_CONFIG, type LiveConfig } from './live.config';
import type { LiveItem } from './live-scope';
import { StreamQuota } from './stream-quota';

const lastEventId = (request: IncomingMessage): number | undefined => {
  const header = request.headers['last-event-id'];
  const text = Array.isArray(header) ? header[0] : header;
  if (text === undefined || text.trim() === '') return undefined;
  if (!/^\d{1,15}$/.test(text.trim()))
    throw new ValidationError('last-event-id', 'must be an event position');
  return Number(text.trim());
};

/**
 * `GET /api/live`: Server-Sent Events of the cases the user may see. Each `case` event carries the
 * case id, the event type and the position; a client refetches what it shows, with `?minPosition=`.
 * `Last-Event-ID` (browsers send it on reconnect) resumes after that position; when the gap is too
 * old, a `reset` event asks the client to reload.
 */
@DocTag('live')
@Controller('api')
export class LiveController {
  private readonly quota: StreamQuota;

  constructor(
    @Inject(LiveHub) private readonly hub: LiveHub,
    @Inject(LIVE_CONFIG) private readonly config: LiveConfig,
  ) {
    this.quota = new StreamQuota(() => config.HOTLINE_LIVE_STREAMS_PER_USER);
  }

  @Doc({
    summary:
      'Live case updates and surge alerts as Server-Sent Events (`event: case` or `surge`, `id:` the position), scoped to the user.',
    description:
      'Case data: `{ caseId, type, unitIds, districtId, position }`. Surge alerts (SurgeDetected, to supervisors, center staff, leaders and admins of the city or of a district the surge touches): `{ alertId, kind, key, label, hour, count, baselineMean, districtIds, caseCount, announcement, detectedAt, position }`. A comment line every HOTLINE_LIVE_HEARTBEAT_MS (15 s) keeps proxies from closing the stream. Send `Last-Event-ID` to resume. At most HOTLINE_LIVE_STREAMS_PER_USER (5) streams per user, 429 beyond.',
    responses: { 200: { description: 'The event stream.', mediaType: 'text/event-stream' } },
  })
  @Allow(...ANY_ROLE)
  @Get('live')
  async live(@Req() request: IncomingMessage, @Res() response: ServerResponse): Promise<void> {
    const viewer = actorFromRequest(request.headers);
    const after = lastEventId(request);
    const release = this.quota.take(viewer.actor.id);
    try {
      const scope = await this.hub.scopeOf(viewer);
      let stop = (): void => undefined;
      const stream = openEventStream(request, response, this.config.HOTLINE_LIVE_HEARTBEAT_MS, () => {
        stop();
        release();
      });
      const write = (item: LiveItem): void => stream.send(item.name, item.data, item.data.position);
      const subscription = this.hub.subscribe({ scope, send: write, close: () => response.end() }, after);
      stop = () => subscription.stop();
      if (subscription.replay === 'reset') stream.send('reset', {});
      else subscription.replay.forEach(write);
    } catch (error) {
      release();
      throw error;
    }
  }
}
