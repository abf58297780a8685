import { randomUUID } from 'node:crypto';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { workflowService } from '@hotline/workflow';
import { signIn, signInAs } from '@hotline/gateway/testing';
import { gatewayService } from '@hotline/gateway';
import type { LiveCaseEvent } from '@hotline/gateway';
import { EventStream as SseStream } from './testing/event-stream';

type EventStream = SseStream<LiveCaseEvent>;
const EventStream = { open: (url: string, headers: Headers) => SseStream.open<LiveCaseEvent>(url, headers) };
/** Events of one case. */
const ofCase = (caseId: string) => (event: LiveCaseEvent) => event.caseId === caseId;

type Headers = Record<string, string>;

describe('GET /api/live: Server-Sent Events scoped to the user [embedded]', () => {
  let running: BootedPlatform;
  let agent: Headers;
  let center: Headers;
  let dongjie: Headers;
  let gulou: Headers;
  let housing: Headers;
  const streams: EventStream[] = [];
  const open = async (headers: Headers, extra: Headers = {}): Promise<EventStream> => {
    const stream = await EventStream.open(`${running.url}/api/live`, { ...headers, ...extra });
    streams.push(stream);
    return stream;
  };
  const command = async (headers: Headers, path: string, body: Record<string, unknown>): Promise<void> => {
    const response = await fetch(`${running.url}/api/${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: randomUUID(), ...body }),
    });
    expect({
      path,
      status: response.status,
      body: response.status < 300 ? '' : await response.text(),
    }).toEqual({
      path,
      status: expect.any(Number) as number,
      body: '',
    });
  };
  const newCase = async (): Promise<string> => {
    const caseId = `live-${randomUUID()}`;
    await command(agent, 'cases', {
      caseId,
      type: 'complaint',
      categoryCode: '030101',
      content: '夜间施工噪声扰民',
      citizen: { name: '王先生', phone: '13800138000' },
      channel: 'phone',
    });
    return caseId;
  };

  // One stream of this test waits for a heartbeat: a short interval, through the real setting.
  beforeAll(async () => {
    process.env.HOTLINE_LIVE_HEARTBEAT_MS = '1000';
    running = await bootPlatform([workflowService, gatewayService]);
    agent = await signIn(running.url, 'agent');
    center = await signIn(running.url, 'center');
    dongjie = await signIn(running.url, 'unit-handler-gulou-dongjie');
    housing = await signIn(running.url, 'unit-handler-housing');
    gulou = await signInAs(running.url, {
      username: 'gulou-leader',
      role: 'unit-leader',
      districtId: 'gulou',
      unitId: 'gulou',
    });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await running.close();
    delete process.env.HOTLINE_LIVE_HEARTBEAT_MS;
  });

  it('pushes a case to the city, to the unit it is dispatched to and to that unit’s parent, not to other units', async () => {
    const city = await open(center);
    const clerk = await open(housing);
    const parent = await open(gulou);
    const other = await open(dongjie);
    expect([city.status, clerk.status, parent.status, other.status]).toEqual([200, 200, 200, 200]);

    const caseId = await newCase();
    const registered = await city.nextWhere(ofCase(caseId));
    expect(registered).toMatchObject({ event: 'case', data: { caseId, type: 'CaseRegistered' } });
    expect(registered.id).toBe(String(registered.data.position));

    await command(center, `cases/${caseId}/dispatch`, { leadUnitId: 'housing-bureau' });
    expect((await city.nextWhere(ofCase(caseId))).data).toMatchObject({
      type: 'CaseDispatched',
      unitIds: ['housing-bureau'],
    });
    // A unit sees a case from its dispatch on; the registration was not theirs to see.
    expect((await clerk.next()).data).toMatchObject({ caseId, type: 'CaseDispatched' });

    // Events reach each stream in log order: the first event the street office and its parent
    // district unit get is of the case dispatched to the street office, not the housing bureau's.
    const second = await newCase();
    await command(center, `cases/${second}/dispatch`, { leadUnitId: 'gulou-dongjie' });
    expect((await other.next()).data).toMatchObject({ caseId: second, type: 'CaseDispatched' });
    expect((await parent.next()).data).toMatchObject({ caseId: second, type: 'CaseDispatched' });

    // Signing names the unit; the case's units are remembered for events that name none.
    await command(housing, `cases/${caseId}/sign`, {});
    expect((await clerk.next()).data).toMatchObject({
      caseId,
      type: 'CaseSigned',
      unitIds: ['housing-bureau'],
    });

    // Resume after the registration: the missed events come again, in order.
    const resumed = await open(center, { 'last-event-id': registered.id ?? '' });
    expect((await resumed.nextWhere(ofCase(caseId))).data.type).toBe('CaseDispatched');
    expect((await resumed.nextWhere(ofCase(caseId))).data.type).toBe('CaseSigned');
  });

  it('sends a heartbeat comment on an idle stream', async () => {
    const stream = await open(center);
    expect(await stream.nextComment()).toBe(': heartbeat');
  });

  it('limits streams per user with 429 and refuses a malformed Last-Event-ID with 400', async () => {
    const user = await signInAs(running.url, { username: 'busy-agent', role: 'agent', districtId: 'city' });
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => open(user)));
    expect(five.map((s) => s.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await open(user)).status).toBe(429);
    five[0]?.close();
    let reopened = 429;
    // The server notices the closed connection asynchronously; a retry loop (not a timer) waits for it.
    for (let i = 0; i < 100 && reopened === 429; i++) reopened = (await open(user)).status;
    expect(reopened).toBe(200);
    expect((await open(agent, { 'last-event-id': 'yesterday' })).status).toBe(400);
  });
});
