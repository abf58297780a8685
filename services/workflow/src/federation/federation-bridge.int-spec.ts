import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { BusRequests, NatsClientProxy } from '@hotline/infra/bus';
import { privateNats } from '@hotline/infra/bus/testing';
import { startDistributedWorkflow, type DistributedWorkflow } from '../testing/distributed-workflow';
import { actors, envelope, registration, untilReady, viewer, type Body } from '../testing/workflow-messages';
import { FederationBridge, districtCaseIdOf, type FederatedDeployment } from './federation-bridge';

const { agent, center } = actors;
/**
 * 10:00 in the city (UTC+8) of the first weekday after `after`: a little working time past both
 * deployments' deadlines, well inside what an extension may add.
 */
const nextWorkingMorning = (after: number): string => {
  const day = new Date(after + 8 * 3_600_000);
  do day.setUTCDate(day.getUTCDate() + 1);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 2)).toISOString();
};

/** The city's unit that is the district platform: Gulou district's office. */
const DISTRICT_UNIT = 'gulou';

/**
 * Two deployments on one NATS (prefixes `fedcity…`, `feddist…`), each its own workflow, relay, store
 * and read models, and the bridge between them. The bridge's link to the district (its own NATS
 * connection) is dropped while the city dispatches: nothing reaches the district meanwhile, and once
 * the link is back every case arrives once and every result goes back once.
 */
describe('City → district federation over two deployments on one NATS, across a dropped link', () => {
  const run = randomUUID().replaceAll('-', '').slice(0, 8);
  const dir = mkdtempSync(join(tmpdir(), 'hotline-federation-'));
  let nats: Awaited<ReturnType<typeof privateNats>>;
  let city: DistributedWorkflow;
  let district: DistributedWorkflow;
  let bridge: FederationBridge;
  let link: NatsConnection;
  const districtSide = {} as FederatedDeployment;

  /** The bridge's link to the district deployment: a NATS connection of its own. */
  const openLink = async (): Promise<void> => {
    link = await connect({ servers: nats.url });
    districtSide.requests = new BusRequests(
      new NatsClientProxy({ connection: link, timeoutMs: 2_000, subjectPrefix: `feddist${run}` }),
    );
  };

  beforeAll(async () => {
    nats = await privateNats(dir);
    city = await startDistributedWorkflow({ NATS_URL: nats.url, HOTLINE_BUS_PREFIX: `fedcity${run}` });
    district = await startDistributedWorkflow({ NATS_URL: nats.url, HOTLINE_BUS_PREFIX: `feddist${run}` });
    await Promise.all([untilReady(city.url), untilReady(district.url)]);
    districtSide.events = district.platform.eventBus;
    await openLink();
    bridge = new FederationBridge({
      city: { events: city.platform.eventBus, requests: new BusRequests(city.platform.client()) },
      district: districtSide,
      unitId: DISTRICT_UNIT,
      logger: city.platform.logger,
    });
    await bridge.start();
  }, 120_000);
  afterAll(async () => {
    await bridge?.stop();
    await link?.close().catch(() => undefined);
    await district?.close();
    await city?.close();
    await nats?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const until = async <T>(
    what: string,
    probe: () => Promise<T | undefined>,
    timeoutMs = 60_000,
  ): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const cityCase = (caseId: string) => city.query<Body>('GetCase', { viewer: viewer(), caseId });
  const districtCase = (caseId: string) =>
    district.query<Body>('GetCase', { viewer: viewer(), caseId: districtCaseIdOf(caseId) });
  /** Registered and dispatched at the city: the district platform's unit is the lead. */
  const dispatchToDistrict = async (caseId: string): Promise<void> => {
    await city.command('RegisterCase', envelope('RegisterCase', registration(caseId), agent, 'gulou'));
    await city.command(
      'DispatchCase',
      envelope('DispatchCase', { caseId, leadUnitId: DISTRICT_UNIT }, center, 'city'),
    );
  };
  /** The district's copy of a city case, once registered there. */
  const registeredAtDistrict = (caseId: string) =>
    until(`${caseId} registered at the district`, async () => {
      const view = await districtCase(caseId);
      return view.channel === 'district-platform' ? view : undefined;
    });
  /** The district's center takes the case on (dispatches it to a street): the city sees it signed. */
  const takeOnAtDistrict = async (caseId: string): Promise<void> => {
    await district.command(
      'DispatchCase',
      envelope(
        'DispatchCase',
        { caseId: districtCaseIdOf(caseId), leadUnitId: 'gulou-dongjie' },
        center,
        'city',
      ),
    );
    await until(`${caseId} signed at the city`, async () =>
      (await cityCase(caseId)).status === 'signed' ? true : undefined,
    );
  };
  const typesOf = async (wf: DistributedWorkflow, streamId: string): Promise<string[]> =>
    (await wf.platform.eventStore.readStream(streamId).catch(() => [])).map((e) => e.type);

  it('passes every dispatched case to the district once, though the link drops mid-way, and brings every result back once', async () => {
    const before = [`fed-a-${run}`, `fed-b-${run}`];
    const during = [`fed-c-${run}`, `fed-d-${run}`, `fed-e-${run}`];
    for (const caseId of before) await dispatchToDistrict(caseId);
    for (const caseId of before) await registeredAtDistrict(caseId);

    // The link drops: the bridge cannot reach the district; the city goes on dispatching.
    await link.close();
    for (const caseId of during) await dispatchToDistrict(caseId);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const caseId of during) {
      expect((await cityCase(caseId)).status).toBe('dispatched');
      expect(await typesOf(district, `case-${districtCaseIdOf(caseId)}`)).toEqual([]);
    }

    await openLink();
    const all = [...before, ...during];
    for (const caseId of all) {
      const copy = await registeredAtDistrict(caseId);
      expect(copy).toMatchObject({
        channel: 'district-platform',
        status: 'registered',
        categoryCode: '030101',
        content: '夜间施工噪声扰民',
        citizen: { name: '李女士' },
      });
    }

    // The district handles two of them to the end; its results go back as the unit's reply.
    const handled = [before[0], during[0]] as string[];
    for (const caseId of handled) {
      const id = districtCaseIdOf(caseId);
      await takeOnAtDistrict(caseId);
      await district.command('SignCase', envelope('SignCase', { caseId: id }, actors.dongjie, 'city'));
      await district.command(
        'SubmitCaseReply',
        envelope('SubmitCaseReply', { caseId: id, result: `已处理：${caseId}` }, actors.dongjie, 'city'),
      );
    }
    // The link drops again between the district's completions.
    await district.command(
      'AcceptCaseReply',
      envelope('AcceptCaseReply', { caseId: districtCaseIdOf(handled[0] as string) }, center, 'city'),
    );
    await link.close();
    await district.command(
      'AcceptCaseReply',
      envelope('AcceptCaseReply', { caseId: districtCaseIdOf(handled[1] as string) }, center, 'city'),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await openLink();
    for (const caseId of handled) {
      const replied = await until(`${caseId} replied at the city`, async () => {
        const view = await cityCase(caseId);
        return view.status === 'replied' ? view : undefined;
      });
      expect(replied).toMatchObject({ reply: { unitId: DISTRICT_UNIT, result: `已处理：${caseId}` } });
    }

    // Nothing doubled: one registration per case at the district, one signature and one reply at the city.
    for (const caseId of all) {
      const there = await typesOf(district, `case-${districtCaseIdOf(caseId)}`);
      expect(there.filter((t) => t === 'CaseRegistered')).toHaveLength(1);
      const here = await typesOf(city, `case-${caseId}`);
      expect(here.filter((t) => t === 'CaseSigned')).toHaveLength(handled.includes(caseId) ? 1 : 0);
      expect(here.filter((t) => t === 'CaseReplied')).toHaveLength(handled.includes(caseId) ? 1 : 0);
    }
  }, 240_000);
  it('brings the district’s decline back as the unit’s return, its extension request up and the city’s decision down', async () => {
    const declined = `fed-r-${run}`;
    const extended = `fed-x-${run}`;
    for (const caseId of [declined, extended]) await dispatchToDistrict(caseId);
    for (const caseId of [declined, extended]) await registeredAtDistrict(caseId);

    // 不予受理 at the district: at the city the district platform's unit returns the case (退单).
    await district.command(
      'DeclineCase',
      envelope(
        'DeclineCase',
        {
          caseId: districtCaseIdOf(declined),
          reason: 'outside-jurisdiction',
          explanation: '该地址不属于本区管辖',
        },
        center,
        'city',
      ),
    );
    await until(`${declined} returned at the city`, async () =>
      (await cityCase(declined)).returnCount === 1 ? true : undefined,
    );
    const returns = (await city.platform.eventStore.readStream(`case-${declined}`)).filter(
      (e) => e.type === 'CaseReturned',
    );
    expect(returns.map((e) => e.data)).toEqual([
      expect.objectContaining({
        unitId: DISTRICT_UNIT,
        reason: 'outside-jurisdiction',
        explanation: '该地址不属于本区管辖',
      }),
    ]);

    // 延期: the district's street asks; the city's center decides; the district's deadline follows.
    await takeOnAtDistrict(extended);
    const id = districtCaseIdOf(extended);
    await district.command('SignCase', envelope('SignCase', { caseId: id }, actors.dongjie, 'city'));
    const requestedDueAt = nextWorkingMorning(
      Math.max(
        Date.parse(String((await districtCase(extended)).dueAt)),
        Date.parse(String((await cityCase(extended)).dueAt)),
      ),
    );
    await district.command(
      'RequestCaseExtension',
      envelope(
        'RequestCaseExtension',
        { caseId: id, reason: '需协调多个部门现场核查', requestedDueAt },
        actors.dongjie,
        'city',
      ),
    );
    const asked = await until('the extension asked at the city', async () => {
      const view = await cityCase(extended);
      return view.pendingExtension ? (view.pendingExtension as Body) : undefined;
    });
    expect(asked).toMatchObject({ unitId: DISTRICT_UNIT });
    expect(Date.parse(String(asked.requestedDueAt))).toBe(Date.parse(requestedDueAt));
    await city.command(
      'ApproveCaseExtension',
      envelope('ApproveCaseExtension', { caseId: extended }, center, 'city'),
    );
    await until('the extension approved at the district', async () => {
      const view = await districtCase(extended);
      return !view.pendingExtension && Date.parse(String(view.dueAt)) === Date.parse(requestedDueAt)
        ? true
        : undefined;
    });
    const there = await typesOf(district, `case-${id}`);
    expect(there.filter((t) => t === 'CaseExtensionApproved')).toHaveLength(1);
    const here = await typesOf(city, `case-${extended}`);
    expect(here.filter((t) => t === 'CaseExtensionRequested')).toHaveLength(1);
  }, 240_000);
});
