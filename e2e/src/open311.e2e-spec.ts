import { gatewayService } from '@hotline/gateway';
import { createIntakeService, intakeConfigSchema } from '@hotline/intake';
import { loadConfig } from '@hotline/infra/config';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { workflowService } from '@hotline/workflow';
import { HotlineHttp } from './testing/hotline-http';
import { people } from './testing/case-loop';

type Json = Record<string, unknown>;

/**
 * Open311 GeoReport v2 as a client sees it, following the interactions the specification walks
 * through (list the services, read one's definition, post a request, trade the token for the
 * request id, follow the request to its closure, search), in JSON and XML, with its error lists.
 * The platform's own self-service rules are off (INTAKE_AUTO_REGISTER=false): every request waits
 * for an agent, so the token path is the one taken, as a `batch` service promises.
 */
describe('Open311 GeoReport v2 on the gateway [embedded: the whole platform]', () => {
  let running: BootedPlatform;
  let http: HotlineHttp;
  let key = '';
  let taijiangKey = '';
  const base = () => `${running.url}/open311/v2`;
  /** A GET; a 503 (a read model still behind the caller's write, under load) is retried as it asks. */
  const get = async (path: string) => {
    for (let attempt = 0; ; attempt++) {
      const response = await fetch(`${base()}/${path}`);
      if (response.status !== 503 || attempt === 20) {
        const type = response.headers.get('content-type') ?? '';
        return { status: response.status, type, text: await response.text() };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  const json = async <T = Json[]>(path: string): Promise<{ status: number; body: T }> => {
    const answer = await get(path);
    expect(answer.type).toContain('application/json');
    return { status: answer.status, body: JSON.parse(answer.text) as T };
  };
  /**
   * A read until it shows what a write did: the case a contact became is another service's write,
   * so the contact's position does not tell the case read models what to wait for.
   */
  const until = async (path: string, done: (body: Json[]) => boolean): Promise<Json[]> => {
    for (let attempt = 0; ; attempt++) {
      const { status, text } = await get(path);
      const body = (status === 200 ? JSON.parse(text) : []) as Json[];
      if ((status === 200 && done(body)) || attempt === 100) return body;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  /** A POST as the specification shows it: form-encoded parameters. */
  const post = async (format: 'json' | 'xml', params: Record<string, string>) => {
    const response = await fetch(`${base()}/requests.${format}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, text: await response.text() };
  };
  const issue = async (commandId: string, scope: Json): Promise<string> =>
    (
      await http.ok<{ token: string }>('POST', '/api/api-tokens', {
        as: { username: 'city-admin' },
        body: { commandId, name: 'Open311 客户端', ...scope },
      })
    ).token;

  const lampRequest = (): Record<string, string> => ({
    api_key: key,
    jurisdiction_id: 'city',
    service_code: '010102',
    lat: '26.0836',
    long: '119.2965',
    address_string: '鼓楼区东街街道南后街12号',
    email: 'lin@example.org',
    first_name: '小林',
    last_name: '林',
    phone: '13705917777',
    description: '南后街12号门口的路灯连续三晚不亮，夜里行人看不清路。',
    media_url: 'https://photos.example.org/lamp.jpg',
  });

  beforeAll(async () => {
    const intake = createIntakeService({
      config: loadConfig(intakeConfigSchema, { INTAKE_AUTO_REGISTER: 'false' }, 'open311-e2e'),
    });
    running = await bootPlatform([workflowService, intake, gatewayService]);
    http = new HotlineHttp(running.url);
    key = await issue('open311-key-city', { role: 'agent', districtId: 'city' });
    taijiangKey = await issue('open311-key-taijiang', { role: 'district-admin', districtId: 'taijiang' });
  });
  afterAll(async () => {
    await running.close();
  });

  it('lists the services (leaf categories) in JSON and XML without a key, and defines one', async () => {
    const services = await json('services.json');
    expect(services.status).toBe(200);
    expect(services.body).toContainEqual({
      service_code: '010102',
      service_name: '路灯故障',
      description: '城乡建设 / 市政设施 / 路灯故障',
      metadata: false,
      type: 'batch',
      keywords: 'Street light out',
      group: '城乡建设',
    });
    // Groups and sub-groups are not services: a request is classified on a leaf.
    expect(services.body.map((s) => s.service_code)).not.toContain('010100');

    const xml = await get('services.xml');
    expect(xml.type).toContain('text/xml');
    expect(xml.text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service>/);
    expect(xml.text).toContain(
      '<service><service_code>010102</service_code><service_name>路灯故障</service_name>',
    );

    expect((await json<Json>('services/010102.json')).body).toEqual({
      service_code: '010102',
      attributes: [],
    });
    expect((await get('services/010102.xml')).text).toContain(
      '<service_definition><service_code>010102</service_code><attributes></attributes></service_definition>',
    );
    const unknown = await json('services/999999.json');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.stringContaining('999999') }]);
  });

  it('takes a request as a contact, answers a token, and the token gives the case number once an agent registers it', async () => {
    const posted = await post('json', lampRequest());
    expect(posted.status).toBe(201);
    const [receipt] = JSON.parse(posted.text) as Json[];
    expect(receipt).toEqual({
      token: expect.stringMatching(/^open311-[0-9a-f]{32}$/),
      service_notice: expect.any(String),
      account_id: null,
    });
    const token = receipt?.token as string;
    // A client that never saw the answer sends the same request again: the same contact, nothing new.
    const head = await running.platform.eventStore.headPosition();
    expect(JSON.parse((await post('json', lampRequest())).text)).toEqual([receipt]);
    expect(await running.platform.eventStore.headPosition()).toBe(head);

    const waiting = await fetch(`${base()}/tokens/${token}.json?api_key=${key}`);
    expect(await waiting.json()).toEqual([{ service_request_id: null, token }]);

    // The agent sees the contact from channel api, and registers it.
    const contact = await http.ok('GET', `/api/contacts/${token}`, { as: people.agent });
    expect(contact).toMatchObject({
      channel: 'api',
      subject: '路灯故障',
      caller: { name: '林小林', phone: '13705917777', email: 'lin@example.org' },
    });
    expect(contact.content).toContain('https://photos.example.org/lamp.jpg');
    const registered = await http.ok('POST', `/api/contacts/${token}/register-case`, {
      as: people.agent,
      body: {
        commandId: 'open311-register-1',
        caseId: 'open311-case-1',
        type: 'report',
        categoryCode: '010102',
      },
    });
    const caseNumber = registered.caseNumber as string;
    expect(caseNumber).toMatch(/^\d{8}$/);
    const after = `minPosition=${String(registered.position)}`;
    const traded = await get(`tokens/${token}.xml?api_key=${key}&${after}`);
    expect(traded.text).toBe(
      `<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>${caseNumber}</service_request_id><token>${token}</token></request></service_requests>`,
    );

    const open = await until(`requests/${caseNumber}.json?api_key=${key}`, (list) => list.length === 1);
    expect(open).toEqual([
      {
        service_request_id: caseNumber,
        status: 'open',
        service_name: '路灯故障',
        service_code: '010102',
        description: expect.stringContaining('路灯连续三晚不亮') as unknown,
        requested_datetime: expect.stringMatching(/Z$/) as unknown,
        updated_datetime: expect.any(String) as unknown,
        expected_datetime: expect.any(String) as unknown,
        address: '鼓楼区东街街道南后街12号',
        lat: 26.0836,
        long: 119.2965,
      },
    ]);

    // The case through the loop: the unit is the agency responsible, its reply the status notes.
    const act = (as: typeof people.center, action: string, body: Json, n: number) =>
      http.ok('POST', `/api/cases/open311-case-1/${action}`, {
        as,
        body: { commandId: `open311-loop-${n}`, ...body },
      });
    await act(people.center, 'dispatch', { leadUnitId: 'housing-bureau' }, 1);
    await act(people.housing, 'sign', {}, 2);
    await act(people.housing, 'reply', { result: '已更换南后街路灯灯泡，恢复照明。' }, 3);
    const reviewed = await act(people.center, 'review/accept', {}, 4);
    const closed = (
      await json(`requests/${caseNumber}.json?api_key=${key}&minPosition=${String(reviewed.position)}`)
    ).body;
    expect(closed[0]).toMatchObject({
      status: 'closed',
      status_notes: '已更换南后街路灯灯泡，恢复照明。',
      agency_responsible: expect.stringContaining('住') as unknown,
    });
    const xml = await get(`requests/${caseNumber}.xml?api_key=${key}`);
    expect(xml.text).toContain(
      `<request><service_request_id>${caseNumber}</service_request_id><status>closed</status>`,
    );

    // Search: by status, service code and dates, and by a list of ids.
    const now = Date.now();
    const span = `start_date=${new Date(now - 86_400_000).toISOString()}&end_date=${new Date(now + 60_000).toISOString()}`;
    const ids = (list: Json[]) => list.map((r) => r.service_request_id);
    expect(
      ids((await json(`requests.json?api_key=${key}&status=closed&service_code=010102&${span}`)).body),
    ).toContain(caseNumber);
    expect(ids((await json(`requests.json?api_key=${key}&status=open&${span}`)).body)).not.toContain(
      caseNumber,
    );
    expect(ids((await json(`requests.json?api_key=${key}&service_code=030101`)).body)).not.toContain(
      caseNumber,
    );
    expect(
      ids((await json(`requests.json?api_key=${key}&service_request_id=${caseNumber},20200101`)).body),
    ).toEqual([caseNumber]);
  });

  it("answers in the key holder's scope: another district's key does not see a Gulou case", async () => {
    // The request names an address in 鼓楼区: registered from the contact, the case is Gulou's.
    const [first] = (await json(`requests.json?api_key=${key}&service_code=010102`)).body;
    const caseNumber = String(first?.service_request_id);
    expect(caseNumber).toMatch(/^\d{8}$/);
    const hidden = await json(`requests/${caseNumber}.json?api_key=${taijiangKey}`);
    expect(hidden).toEqual({ status: 404, body: [{ code: 404, description: expect.any(String) }] });
    expect((await json(`requests.json?api_key=${taijiangKey}&service_code=010102`)).body).toEqual([]);
  });

  it("refuses with the specification's error list, naming the parameter", async () => {
    const { api_key: _key, ...withoutKey } = lampRequest();
    const missing = await post('json', withoutKey);
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.text)).toEqual([{ code: 401, description: expect.any(String) }]);

    const invalid = await post('xml', { ...lampRequest(), api_key: 'hlt_0000000000000000.not-a-secret' });
    expect(invalid.status).toBe(403);
    expect(invalid.text).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>403</code><description>api_key: not a valid key of this jurisdiction</description><field>api_key</field></error></errors>',
    );

    const refusal = async (params: Record<string, string>) =>
      JSON.parse((await post('json', params)).text) as Json[];
    const { service_code: _code, ...withoutCode } = lampRequest();
    expect(await refusal(withoutCode)).toEqual([
      { code: 400, description: expect.stringContaining('service_code'), field: 'service_code' },
    ]);
    expect((await refusal({ ...lampRequest(), service_code: '010100' }))[0]).toMatchObject({
      field: 'service_code',
    });
    const { lat: _lat, long: _long, address_string: _address, ...nowhere } = lampRequest();
    expect((await refusal(nowhere))[0]).toMatchObject({ code: 400, field: 'address_string' });
    // Coordinates are checked against the city's country: swapped lat and long are caught.
    expect((await refusal({ ...lampRequest(), lat: '119.2965', long: '26.0836' }))[0]).toMatchObject({
      field: 'lat',
    });
    expect((await refusal({ ...lampRequest(), jurisdiction_id: 'elsewhere.example' }))[0]).toMatchObject({
      field: 'jurisdiction_id',
    });
    const tooLong = await json(
      `requests.json?api_key=${key}&start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`,
    );
    expect(tooLong).toEqual({
      status: 400,
      body: [{ code: 400, description: expect.stringContaining('90 days'), field: 'end_date' }],
    });
    expect((await json(`requests.json?api_key=${key}&status=pending`)).body[0]).toMatchObject({
      field: 'status',
    });
    expect((await json(`requests/20200101.json?api_key=${key}`)).status).toBe(404);
    expect((await get('services.csv')).status).toBe(404);
  });
});
