import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { z } from 'zod';
import {
  AbandonQueuedContact,
  ChatText,
  ClientId,
  EndContact,
  GetAgentSession,
  GetChatTranscript,
  GetContactPlace,
  HotlineError,
  NotFoundError,
  parseOrThrow,
  PostChatMessage,
  QueueContact,
  RecordContact,
  RuleViolation,
  ChinesePhoneNumber,
  type ChatTranscript,
  type QueryViewer,
} from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import { actorFromRequest, correlationIdFromRequest } from '../actor-from-request';
import { Allow, Public } from '../auth/allow.decorator';
import { BUS_CLIENT } from '../bus-client.token';
import { PORTAL_VIEWER } from '../intake/intake-requests';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { asHttp, commandIdOf } from '../workflow-requests';
import { CHAT_CONFIG, type ChatConfig } from './chat.config';

/** A chat's id from the command id that opened it: the same request retried opens the same chat. */
const chatIdOf = (commandId: string): string =>
  `chat-${createHash('sha1').update(`portal-chat\n${commandId}`).digest('hex').slice(0, 32)}`;

/** Only ids the portal hands out: anything else is unknown before a service is asked. */
const CHAT_ID = /^chat-[0-9a-f]{32}$/;

const OpenChatBody = z.object({
  commandId: ClientId,
  text: ChatText,
  name: z.string().trim().min(1).max(64).optional(),
  phone: ChinesePhoneNumber.optional(),
});
const MessageBody = z.object({ commandId: ClientId, text: ChatText });

/** Router refusals that mean "no agent can take a chat now" (or no chat queue is set up): the first message stays. */
const NO_AGENT = new Set(['ROUTER_NO_AGENT_LOGGED_IN', 'ROUTER_QUEUE_FULL', 'ROUTER_UNKNOWN_QUEUE']);

/** What the citizen's chat page shows: where the chat is, and the messages both ways. */
export interface ChatStatus extends ChatTranscript {
  status: 'waiting' | 'connected' | 'ended';
  position?: number;
  expectedWaitSeconds?: number;
}

/**
 * Web chat (在线咨询): a citizen opens a chat on the portal (no account; its id, which the browser
 * keeps, is the only key to it), waits in the router's chat queue with a position, and writes with
 * the agent who answered it at the desk. Each message is an event on the chat's contact, so the
 * transcript is the contact's, and the case is registered from that contact.
 */
@DocTag('chat')
@Controller('api')
export class ChatController {
  private readonly bus: BusRequests;

  constructor(
    @Inject(BUS_CLIENT) client: ClientProxy,
    @Inject(CHAT_CONFIG) private readonly config: ChatConfig,
  ) {
    this.bus = new BusRequests(client);
  }

  @Doc({
    summary:
      "Open a web chat with the citizen's first message; it waits in the chat queue for an agent (no account).",
    description:
      'Answers `{ chatId, queued }`: keep `chatId` to read and write the chat. `queued: false` when no agent is logged in to the chat queue (or it is full): the message is kept as a contact for an agent to answer later. The same `commandId` opens the same chat.',
    body: OpenChatBody,
  })
  @Public()
  @Post('portal/chats')
  @HttpCode(201)
  async open(
    @Req() request: IncomingMessage,
    @Body() body: unknown,
  ): Promise<{ chatId: string; queued: boolean }> {
    const { commandId } = commandIdOf(body);
    const { text, name, phone } = parseOrThrow(OpenChatBody, body);
    const chatId = chatIdOf(commandId);
    const origin = { ...PORTAL_VIEWER, correlationId: correlationIdFromRequest(request.headers, chatId) };
    await asHttp(
      this.bus.command(
        RecordContact,
        commandId,
        {
          contactId: chatId,
          channel: 'chat',
          content: text,
          caller: { anonymous: name === undefined, ...(name ? { name } : {}), ...(phone ? { phone } : {}) },
        },
        origin,
      ),
    );
    try {
      await this.bus.command(
        QueueContact,
        `${chatId}:queue`,
        {
          contactId: chatId,
          queueId: this.config.HOTLINE_CHAT_QUEUE,
          channel: 'chat',
          urgent: false,
          requiredSkills: [],
          ...(phone ? { callerNumber: phone.replace(/\D/g, '') } : {}),
        },
        origin,
      );
      return { chatId, queued: true };
    } catch (error) {
      if (error instanceof HotlineError && NO_AGENT.has(error.code)) return { chatId, queued: false };
      throw error;
    }
  }

  @Doc({
    summary:
      'The web chat as the citizen sees it: waiting (with position and expected wait), connected or ended, and its messages.',
    params: { chatId: z.string() },
  })
  @Public()
  @Get('portal/chats/:chatId')
  async status(@Req() request: IncomingMessage, @Param('chatId') chatId: string): Promise<ChatStatus> {
    const transcript = await this.transcript(request, known(chatId), PORTAL_VIEWER);
    const place = await this.bus
      .query<{ status: 'waiting' | 'connected'; position?: number; expectedWaitSeconds?: number }>(
        GetContactPlace,
        { contactId: chatId },
        correlationIdFromRequest(request.headers, 'chat'),
      )
      .catch((error: unknown) => {
        // The router forgets a contact when it ends (or never had it: no agent was logged in).
        if (error instanceof HotlineError && error.kind === 'not-found') return { status: 'ended' as const };
        throw error;
      });
    const { status, position, expectedWaitSeconds } = place as Partial<ChatStatus>;
    return {
      ...transcript,
      status: status ?? 'ended',
      ...(position !== undefined ? { position } : {}),
      ...(expectedWaitSeconds !== undefined ? { expectedWaitSeconds } : {}),
    };
  }

  @Doc({
    summary: "The citizen's next message in the web chat (at most 1,000 characters).",
    params: { chatId: z.string() },
    body: MessageBody,
  })
  @Public()
  @Post('portal/chats/:chatId/messages')
  @HttpCode(201)
  citizenMessage(@Req() request: IncomingMessage, @Param('chatId') chatId: string, @Body() body: unknown) {
    const { commandId } = commandIdOf(body);
    const { text } = parseOrThrow(MessageBody, body);
    return this.post(request, known(chatId), commandId, { from: 'citizen', text }, PORTAL_VIEWER);
  }

  @Doc({
    summary:
      'The citizen leaves the web chat: it leaves the queue, or ends with the agent (who goes on to after-contact work).',
    description:
      'Answers `{ status: "ended" }`, also when the chat had already ended: leaving twice changes nothing more. The transcript stays with the contact.',
    params: { chatId: z.string() },
    body: z.object({ commandId: ClientId }),
  })
  @Public()
  @Post('portal/chats/:chatId/leave')
  @HttpCode(200)
  async leave(
    @Req() request: IncomingMessage,
    @Param('chatId') chatId: string,
    @Body() body: unknown,
  ): Promise<{ status: 'ended' }> {
    const { commandId } = commandIdOf(body);
    const contactId = known(chatId);
    const correlationId = correlationIdFromRequest(request.headers, commandId);
    await this.transcript(request, contactId, PORTAL_VIEWER);
    const place = await this.bus
      .query<{ status: 'waiting' | 'connected'; agentId?: string }>(
        GetContactPlace,
        { contactId },
        correlationId,
      )
      .catch((error: unknown) => {
        if (error instanceof HotlineError && error.kind === 'not-found') return undefined;
        throw error;
      });
    // A repeat with the same id is answered by the router as the first; with another id, the chat is
    // no longer in the router and nothing is sent.
    const origin = { ...PORTAL_VIEWER, correlationId };
    if (place?.status === 'waiting') {
      await asHttp(this.bus.command(AbandonQueuedContact, commandId, { contactId }, origin));
    } else if (place?.status === 'connected' && place.agentId !== undefined) {
      await asHttp(this.bus.command(EndContact, commandId, { contactId, agentId: place.agentId }, origin));
    }
    return { status: 'ended' };
  }

  @Doc({
    summary: 'A web chat the signed-in agent holds: its messages, oldest first.',
    params: { contactId: z.string() },
  })
  @Allow('agent', 'supervisor')
  @Get('routing/me/chats/:contactId')
  agentTranscript(@Req() request: IncomingMessage, @Param('contactId') contactId: string) {
    return this.transcript(request, known(contactId), actorFromRequest(request.headers));
  }

  @Doc({
    summary: "The agent's message in a web chat they hold (at most 1,000 characters).",
    params: { contactId: z.string() },
    body: MessageBody,
  })
  @Allow('agent', 'supervisor')
  @Post('routing/me/chats/:contactId/messages')
  @HttpCode(201)
  async agentMessage(
    @Req() request: IncomingMessage,
    @Param('contactId') contactId: string,
    @Body() body: unknown,
  ) {
    const { commandId } = commandIdOf(body);
    const { text } = parseOrThrow(MessageBody, body);
    const viewer = actorFromRequest(request.headers);
    const session = (await asHttp(
      this.bus.query(
        GetAgentSession,
        { agentId: viewer.actor.id },
        correlationIdFromRequest(request.headers, 'chat'),
      ),
    )) as { contacts: Array<{ contactId: string; channel: string }> };
    if (!session.contacts.some((c) => c.contactId === contactId && c.channel === 'chat'))
      throw new RuleViolation('CHAT_NOT_WITH_AGENT', 'you do not hold this chat', { field: 'contactId' });
    return this.post(request, known(contactId), commandId, { from: 'agent', text }, viewer);
  }

  private transcript(
    request: IncomingMessage,
    contactId: string,
    viewer: QueryViewer,
  ): Promise<ChatTranscript> {
    return asHttp(
      this.bus.query(
        GetChatTranscript,
        { viewer, contactId },
        correlationIdFromRequest(request.headers, 'chat'),
      ),
    ) as Promise<ChatTranscript>;
  }

  private post(
    request: IncomingMessage,
    contactId: string,
    commandId: string,
    message: { from: 'citizen' | 'agent'; text: string },
    origin: QueryViewer,
  ) {
    return asHttp(
      this.bus.command(
        PostChatMessage,
        commandId,
        { contactId, ...message },
        {
          ...origin,
          correlationId: correlationIdFromRequest(request.headers, commandId),
        },
      ),
    );
  }
}

/** The chat id when it is one the portal hands out; otherwise not found, before any service is asked. */
export const known = (chatId: string): string => {
  if (!CHAT_ID.test(chatId)) throw new NotFoundError('chat', chatId);
  return chatId;
};
