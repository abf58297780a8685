import { randomUUID } from 'node:crypto';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { signIn, type SessionHeaders } from '@hotline/gateway/testing';
import { gatewayService } from '@hotline/gateway';
import { intakeService } from '@hotline/intake';
import { routingService } from '@hotline/routing';
import { EventStream } from './testing/event-stream';

interface ChatLiveEvent {
  contactId: string;
  type: string;
  position: number;
}

type Json = Record<string, unknown>;

/**
 * The web chat's HTTP contract: a citizen (no account) opens a chat and waits with a position, the
 * agent answers it through the router and both write; bad input is refused by name and stores nothing.
 */
describe('/api/portal/chats over real HTTP [embedded]', () => {
  let running: BootedPlatform;
  let ADMIN: SessionHeaders;
  let AGENT: SessionHeaders;

  const call = async (
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: Json,
    session?: SessionHeaders,
  ) => {
    const response = await fetch(`${running.url}/api/${path}`, {
      method,
      headers: { ...session, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify({ commandId: randomUUID(), ...body }) } : {}),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  beforeAll(async () => {
    running = await bootPlatform([intakeService, routingService, gatewayService]);
    ADMIN = await signIn(running.url, 'city-admin');
    AGENT = await signIn(running.url, 'agent');
    const queue = {
      name: '网上咨询',
      requiredSkills: [],
      strategy: 'longest-idle',
      offerTimeoutSeconds: 30,
      afterContactWorkSeconds: 0,
      tierRules: [],
      urgentPriority: 2,
      repeatCallerPriority: 1,
      serviceLevelSeconds: 15,
      shortAbandonSeconds: 5,
      // With no agent logged in a chat is not queued: the citizen is told their message waits.
      noAgentMaxWaitSeconds: 0,
    };
    expect((await call('PUT', 'routing/queues/web-chat', queue, ADMIN)).status).toBe(200);
    const profile = {
      skills: {},
      queues: [{ queueId: 'web-chat', tier: 1, position: 0, weight: 1 }],
      chatCapacity: 2,
    };
    expect((await call('PUT', 'routing/agents/user%3Aagent/profile', profile, ADMIN)).status).toBe(200);
  });
  afterAll(async () => {
    await running.close();
  });

  it('keeps the message of a citizen no agent can answer now, as a contact', async () => {
    const opened = await call('POST', 'portal/chats', { text: '请问社保卡怎么补办？' });
    expect(opened).toMatchObject({ status: 201, body: { queued: false } });
    const chat = await call('GET', `portal/chats/${String(opened.body.chatId)}`);
    expect(chat).toMatchObject({
      status: 200,
      body: { status: 'ended', messages: [{ from: 'citizen', text: '请问社保卡怎么补办？' }] },
    });
  });

  it('queues a chat with a position, offers it to the ready agent and carries messages both ways', async () => {
    expect((await call('POST', 'routing/me/log-in', {}, AGENT)).status).toBe(200);
    const opened = await call('POST', 'portal/chats', { text: '小区垃圾三天没人清运', phone: '13905910000' });
    expect(opened).toMatchObject({ status: 201, body: { queued: true } });
    const chatId = String(opened.body.chatId);
    expect(chatId).toMatch(/^chat-[0-9a-f]{32}$/);
    expect(await call('GET', `portal/chats/${chatId}`)).toMatchObject({
      status: 200,
      body: { status: 'waiting', position: 1 },
    });

    // An agent holding no such chat may not write in it.
    expect(await call('POST', `routing/me/chats/${chatId}/messages`, { text: '您好' }, AGENT)).toMatchObject({
      status: 422,
      body: { error: { code: 'CHAT_NOT_WITH_AGENT' } },
    });
    expect((await call('POST', 'routing/me/ready', {}, AGENT)).status).toBe(200);
    expect((await call('POST', 'routing/me/accept', { contactId: chatId }, AGENT)).status).toBe(200);
    expect((await call('GET', `portal/chats/${chatId}`)).body.status).toBe('connected');

    expect(
      (await call('POST', `routing/me/chats/${chatId}/messages`, { text: '您好，请问在哪个小区？' }, AGENT))
        .status,
    ).toBe(201);
    expect((await call('POST', `portal/chats/${chatId}/messages`, { text: '幸福小区' })).status).toBe(201);
    const expected = [
      { from: 'citizen', text: '小区垃圾三天没人清运' },
      { from: 'agent', text: '您好，请问在哪个小区？' },
      { from: 'citizen', text: '幸福小区' },
    ].map((message): unknown => expect.objectContaining(message));
    expect((await call('GET', `routing/me/chats/${chatId}`, undefined, AGENT)).body.messages).toEqual(
      expected,
    );

    // Refused by name, nothing stored: too long, an unknown chat, a made-up id.
    expect(await call('POST', `portal/chats/${chatId}/messages`, { text: '长'.repeat(1001) })).toMatchObject({
      status: 400,
      body: { error: { kind: 'validation', field: 'text' } },
    });
    const unknown = `chat-${'0'.repeat(32)}`;
    expect(await call('POST', `portal/chats/${unknown}/messages`, { text: '在吗' })).toMatchObject({
      status: 404,
      body: { error: { code: 'CONTACT_NOT_RECORDED' } },
    });
    expect((await call('GET', 'portal/chats/case-1')).status).toBe(404);
    expect((await call('GET', `portal/chats/${chatId}`)).body.messages).toEqual(expected);

    expect((await call('POST', 'routing/me/end', { contactId: chatId }, AGENT)).status).toBe(200);
    expect((await call('GET', `portal/chats/${chatId}`)).body.status).toBe('ended');
  });

  it('tells both sides of each change over their live streams, and opens none on an unknown chat', async () => {
    expect((await call('POST', 'routing/me/ready', {}, AGENT)).status).toBe(200);
    const opened = await call('POST', 'portal/chats', { text: '路灯坏了好几天了' });
    const chatId = String(opened.body.chatId);
    const streams: Array<EventStream<ChatLiveEvent>> = [];
    const open = async (path: string, session?: SessionHeaders) => {
      const stream = await EventStream.open<ChatLiveEvent>(`${running.url}/api/${path}`, { ...session });
      streams.push(stream);
      return stream;
    };
    try {
      const citizen = await open(`portal/chats/${chatId}/live`);
      expect(citizen.status).toBe(200);
      expect((await call('POST', 'routing/me/accept', { contactId: chatId }, AGENT)).status).toBe(200);
      // The citizen hears the answer from the router, then the agent's message from the contact.
      expect((await citizen.nextWhere((e) => e.type === 'OfferAccepted')).data.contactId).toBe(chatId);
      const desk = await open(`routing/me/chats/${chatId}/live`, AGENT);
      expect(desk.status).toBe(200);
      await call('POST', `routing/me/chats/${chatId}/messages`, { text: '您好，在哪条路？' }, AGENT);
      const heard = await citizen.nextWhere((e) => e.type === 'ChatMessagePosted');
      expect(heard).toMatchObject({ event: 'chat', data: { contactId: chatId } });
      expect(Number(heard.id)).toBe(heard.data.position);
      expect((await desk.next()).data.type).toBe('ChatMessagePosted');
      await call('POST', `portal/chats/${chatId}/messages`, { text: '五一路' });
      expect((await desk.next()).data.type).toBe('ChatMessagePosted');

      // At most four streams on one chat; none on a chat that does not exist or an id it never handed out.
      await open(`portal/chats/${chatId}/live`);
      await open(`portal/chats/${chatId}/live`);
      expect((await open(`portal/chats/${chatId}/live`)).status).toBe(429);
      expect((await open(`portal/chats/chat-${'0'.repeat(32)}/live`)).status).toBe(404);
      expect((await open('portal/chats/case-1/live')).status).toBe(404);
      expect((await open(`routing/me/chats/${chatId}/live`)).status).toBe(401);
    } finally {
      for (const stream of streams) stream.close();
      await call('POST', 'routing/me/end', { contactId: chatId }, AGENT);
    }
  });

  it('lets the citizen leave a chat waiting in the queue or with the agent, and leaving twice changes nothing more', async () => {
    // Waiting: the chat leaves the queue.
    expect((await call('POST', 'routing/me/not-ready', { reason: 'break' }, AGENT)).status).toBe(200);
    const waiting = String((await call('POST', 'portal/chats', { text: '想问一下办证流程' })).body.chatId);
    expect((await call('GET', `portal/chats/${waiting}`)).body.status).toBe('waiting');
    expect(await call('POST', `portal/chats/${waiting}/leave`, {})).toEqual({
      status: 200,
      body: { status: 'ended' },
    });
    expect((await call('GET', `portal/chats/${waiting}`)).body.status).toBe('ended');

    // With the agent: the chat ends at the desk too, and the agent goes on to after-contact work.
    expect((await call('POST', 'routing/me/ready', {}, AGENT)).status).toBe(200);
    const talking = String((await call('POST', 'portal/chats', { text: '楼下烧烤油烟很大' })).body.chatId);
    expect((await call('POST', 'routing/me/accept', { contactId: talking }, AGENT)).status).toBe(200);
    expect((await call('POST', `portal/chats/${talking}/leave`, {})).status).toBe(200);
    const session = (await call('GET', 'routing/me', undefined, AGENT)).body as {
      contacts: Array<{ contactId: string }>;
    };
    expect(session.contacts.map((c) => c.contactId)).not.toContain(talking);
    expect((await call('GET', `portal/chats/${talking}`)).body).toMatchObject({
      status: 'ended',
      messages: [expect.objectContaining({ from: 'citizen', text: '楼下烧烤油烟很大' })],
    });
    expect(await call('POST', `portal/chats/${talking}/leave`, {})).toEqual({
      status: 200,
      body: { status: 'ended' },
    });
    expect((await call('POST', `portal/chats/chat-${'0'.repeat(32)}/leave`, {})).status).toBe(404);
  });
});
