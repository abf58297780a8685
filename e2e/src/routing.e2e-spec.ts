import { randomUUID } from 'node:crypto';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { signIn, type SessionHeaders } from '@hotline/gateway/testing';
import { gatewayService } from '@hotline/gateway';
import { routingService } from '@hotline/routing';

type Json = Record<string, unknown>;
/** An agent is the signed-in user: their actor id. */
const AGENT_ID = encodeURIComponent('user:agent');

describe('/api/routing over real HTTP [embedded]', () => {
  let running: BootedPlatform;
  let ADMIN: SessionHeaders;
  let AGENT: SessionHeaders;
  let SUPERVISOR: SessionHeaders;

  const send = async (method: 'POST' | 'PUT', path: string, body: Json, session: SessionHeaders) => {
    const response = await fetch(`${running.url}/api/routing/${path}`, {
      method,
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: randomUUID(), ...body }),
    });
    return { status: response.status, body: (await response.json()) as Json };
  };
  const get = async (path: string, session: SessionHeaders) => {
    const response = await fetch(`${running.url}/api/routing/${path}`, { headers: session });
    return { status: response.status, body: (await response.json()) as Json };
  };

  beforeAll(async () => {
    running = await bootPlatform([routingService, gatewayService]);
    ADMIN = await signIn(running.url, 'city-admin');
    AGENT = await signIn(running.url, 'agent');
    SUPERVISOR = await signIn(running.url, 'supervisor');
  });
  afterAll(async () => {
    await running.close();
  });

  it('lets the admin set up a queue and an agent, the agent go ready, and the supervisor see and force it', async () => {
    const queue = {
      name: '综合',
      requiredSkills: [],
      strategy: 'longest-idle',
      offerTimeoutSeconds: 20,
      afterContactWorkSeconds: 30,
      tierRules: [],
      urgentPriority: 2,
      repeatCallerPriority: 1,
      serviceLevelSeconds: 15,
      shortAbandonSeconds: 5,
    };
    expect((await send('PUT', 'queues/general', queue, AGENT)).status).toBe(403);
    expect(await send('PUT', 'queues/general', queue, ADMIN)).toMatchObject({ status: 200 });
    const profile = {
      skills: { 'lang.cmn': 5 },
      queues: [{ queueId: 'general', tier: 1, position: 0, weight: 1 }],
      chatCapacity: 2,
    };
    expect(await send('PUT', `agents/${AGENT_ID}/profile`, profile, ADMIN)).toMatchObject({ status: 200 });

    expect(await send('POST', 'me/ready', {}, AGENT)).toMatchObject({
      status: 422,
      body: { error: { kind: 'rule', code: 'ROUTER_AGENT_LOGGED_OUT' } },
    });
    expect(await send('POST', 'me/log-in', {}, AGENT)).toMatchObject({ status: 200 });
    expect(await send('POST', 'me/ready', {}, AGENT)).toMatchObject({ status: 200 });
    expect(await get('me', AGENT)).toMatchObject({
      status: 200,
      body: { agentId: 'user:agent', state: 'ready' },
    });

    expect((await get('board', AGENT)).status).toBe(403);
    const board = await get('board', SUPERVISOR);
    expect(board.status).toBe(200);
    expect(board.body.agents).toEqual([expect.objectContaining({ agentId: 'user:agent', state: 'ready' })]);
    // Seats by their accounts' display names, not by actor ids.
    expect(board.body.names).toEqual({ 'user:agent': '演示坐席' });
    expect(board.body.queues).toEqual([
      expect.objectContaining({ queueId: 'general', waiting: 0, loggedIn: 1 }),
    ]);

    expect(
      await send('POST', `agents/${AGENT_ID}/not-ready`, { reason: '班长强制' }, SUPERVISOR),
    ).toMatchObject({
      status: 200,
    });
    expect(await get('me', AGENT)).toMatchObject({ body: { state: 'not-ready', reason: '班长强制' } });
    expect(await send('POST', 'me/not-ready', { reason: '' }, AGENT)).toMatchObject({
      status: 400,
      body: { error: { kind: 'validation', field: 'reason' } },
    });
  });
});
