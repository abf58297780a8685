import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, HttpException, Inject, Param, Req, Res } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { z } from 'zod';
import { GetChatTranscript, type QueryViewer } from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import { actorFromRequest, correlationIdFromRequest } from '../actor-from-request';
import { Allow, Public } from '../auth/allow.decorator';
import { BUS_CLIENT } from '../bus-client.token';
import { PORTAL_VIEWER } from '../intake/intake-requests';
import { openEventStream } from '../live/event-stream';
import { LIVE_CONFIG, type LiveConfig } from '../live/live.config';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { asHttp } from '../workflow-requests';
import { ChatHub } from './chat-hub';
import { known } from './chat.controller';

/** Pages open on one chat at once (a citizen's tab or two, an agent, a supervisor listening in). */
const STREAMS_PER_CHAT = 4;

const LIVE_DESCRIPTION =
  'Server-Sent Events `event: chat` with `{ contactId, type, position }` each time the chat changes (a message either way, the case registered from it, the router offering, answering or ending it): read the chat again then. A comment line every HOTLINE_LIVE_HEARTBEAT_MS keeps proxies from closing the stream. At most 4 streams per chat, 429 beyond.';

/**
 * The web chat's live streams: the citizen's page and the agent's desk hear of each change as soon
 * as it is stored, and read the chat then, instead of polling every second or two. An unknown chat
 * gets 404 before any stream opens.
 */
@DocTag('chat')
@Controller('api')
export class ChatLiveController {
  private readonly bus: BusRequests;

  constructor(
    @Inject(BUS_CLIENT) client: ClientProxy,
    @Inject(ChatHub) private readonly hub: ChatHub,
    @Inject(LIVE_CONFIG) private readonly config: LiveConfig,
  ) {
    this.bus = new BusRequests(client);
  }

  @Doc({
    summary: "The citizen's web chat as it changes (no account: the chat id is the key).",
    description: LIVE_DESCRIPTION,
    params: { chatId: z.string() },
    responses: { 200: { description: 'The event stream.', mediaType: 'text/event-stream' } },
  })
  @Public()
  @Get('portal/chats/:chatId/live')
  citizen(
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
    @Param('chatId') chatId: string,
  ): Promise<void> {
    return this.stream(request, response, known(chatId), PORTAL_VIEWER);
  }

  @Doc({
    summary: 'A web chat at the desk as it changes.',
    description: LIVE_DESCRIPTION,
    params: { contactId: z.string() },
    responses: { 200: { description: 'The event stream.', mediaType: 'text/event-stream' } },
  })
  @Allow('agent', 'supervisor')
  @Get('routing/me/chats/:contactId/live')
  agent(
    @Req() request: IncomingMessage,
    @Res() response: ServerResponse,
    @Param('contactId') contactId: string,
  ): Promise<void> {
    return this.stream(request, response, known(contactId), actorFromRequest(request.headers));
  }

  private async stream(
    request: IncomingMessage,
    response: ServerResponse,
    contactId: string,
    viewer: QueryViewer,
  ): Promise<void> {
    // The chat must exist (and be one): the same answer as reading it, before anything is held open.
    await asHttp(
      this.bus.query(
        GetChatTranscript,
        { viewer, contactId },
        correlationIdFromRequest(request.headers, 'chat-live'),
      ),
    );
    if (this.hub.openOn(contactId) >= STREAMS_PER_CHAT) {
      throw new HttpException(`at most ${STREAMS_PER_CHAT} live streams per chat`, 429);
    }
    let stop = (): void => undefined;
    const stream = openEventStream(request, response, this.config.HOTLINE_LIVE_HEARTBEAT_MS, () => stop());
    stop = this.hub.listen(contactId, (event) => stream.send('chat', event, event.position));
  }
}
