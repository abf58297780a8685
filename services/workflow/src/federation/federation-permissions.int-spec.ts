/**
 * The federation bridge (ADR 0011) under the NATS users and permissions of two deployments on one
 * nats-server v2.15 (infra/src/bus/nats-permissions.ts with `userPrefix` and `federation`): the
 * city's workflow user runs the real bridge both ways (a case down, its signature, an extension up
 * and its approval down, the result back) with no permission error, and the server refuses everything else across the two deployments. The two
 * workflows are stand-ins answering on the bus, so the test is about what NATS lets through.
 */
import { randomUUID } from 'node:crypto';
import { commandSubject, querySubject, type RecordedEvent } from '@hotline/contracts';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { Server } from '@nestjs/microservices';
import {
  BusRequests,
  DEFAULT_TOPOLOGY,
  JetStreamEventBus,
  JetStreamEventPublisher,
  NatsClientProxy,
  NatsTransport,
  ensureEventStreams,
  inboxPrefixOf,
  natsPermissions,
  prefixTopology,
} from '@hotline/infra/bus';
import { authorizedNats, permissionViolations, type AuthorizedNats } from '@hotline/infra/bus/testing';
import { registration } from '../testing/workflow-messages';
import { FederationBridge, districtCaseIdOf } from './federation-bridge';

const CITY = 'city';
const DISTRICT = 'sanmen';
const UNIT = 'sanmen';
const cityTopology = prefixTopology(CITY, DEFAULT_TOPOLOGY);
const districtTopology = prefixTopology(DISTRICT, DEFAULT_TOPOLOGY);
const users = [
  ...natsPermissions({
    services: ['workflow'],
    prefix: CITY,
    userPrefix: 'city-',
    federation: [{ unitId: UNIT, busPrefix: DISTRICT }],
  }),
  ...natsPermissions({ services: ['workflow'], prefix: DISTRICT, userPrefix: 'sanmen-' }),
];

const event = (type: string, data: Record<string, unknown>, streamId: string): RecordedEvent => ({
  id: randomUUID(),
  type,
  version: 1,
  data,
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'center' }, districtId: 'city' },
  time: '2026-12-07T09:30:00.000+08:00',
  streamId,
  revision: 0,
  position: 1,
});

const violations = async (nc: NatsConnection, action: () => Promise<unknown> | void): Promise<string> =>
  (await permissionViolations(nc, action)).join('\n');

/** Waits until `probe` returns something, up to 60 s. */
async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('Federation under the NATS permissions of a city and a district on one server', () => {
  jest.setTimeout(15 * 60_000);
  let nats: AuthorizedNats;
  const transports: NatsTransport[] = [];
  const as = (user: string): Promise<NatsConnection> => nats.as(user);
  /** A stand-in workflow: answers `handlers` (subject → answer) on its deployment, records what came. */
  const standIn = async (
    connection: NatsConnection,
    prefix: string,
    handlers: Record<string, (payload: { data?: Record<string, unknown> }) => unknown>,
  ) => {
    const transport = new NatsTransport({ connection, queue: 'workflow', subjectPrefix: prefix });
    for (const [subject, handle] of Object.entries(handlers))
      (transport as unknown as Server).addHandler(
        subject,
        async (payload: { data?: Record<string, unknown> }) => handle(payload),
        false,
      );
    await new Promise<void>((ok, fail) =>
      transport.listen((e?: unknown) => (e ? fail(new Error('listen')) : ok())),
    );
    transports.push(transport);
  };

  beforeAll(async () => {
    nats = await authorizedNats({ users });
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        await ensureEventStreams(await jetstreamManager(await as('city-workflow')), {
          topology: cityTopology,
        });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await ensureEventStreams(await jetstreamManager(await as('sanmen-workflow')), {
      topology: districtTopology,
    });
  });

  afterAll(async () => {
    await Promise.all(transports.map((t) => t.close()));
    await nats?.stop();
  });

  it('lets the city’s workflow run the bridge both ways with nothing refused', async () => {
    const caseId = `perm-${randomUUID().slice(0, 8)}`;
    const districtCaseId = districtCaseIdOf(caseId);
    const cityConnection = await as('city-workflow');
    const districtConnection = await as('sanmen-workflow');
    const atCity: string[] = [];
    const atDistrict: string[] = [];
    const record =
      (log: string[], type: string) =>
      (p: { data?: Record<string, unknown> }): Record<string, never> => (
        log.push(`${type} ${String(p.data?.caseId)}`),
        {}
      );
    await standIn(cityConnection, CITY, {
      [querySubject('workflow', 'GetCase')]: () => ({
        ...registration(caseId),
        urgency: 'normal',
        simple: false,
        units: [{ unitId: UNIT, role: 'lead', status: 'signed' }],
      }),
      ...Object.fromEntries(
        ['SignCase', 'RequestCaseExtension', 'SubmitCaseReply'].map((type) => [
          commandSubject('workflow', type),
          record(atCity, type),
        ]),
      ),
    });
    await standIn(districtConnection, DISTRICT, {
      [querySubject('workflow', 'GetCase')]: () => ({
        ...registration(districtCaseId),
        channel: 'district-platform',
        reply: { unitId: 'sanmen-street', result: '已处理完毕' },
      }),
      ...Object.fromEntries(
        ['RegisterCase', 'ApproveCaseExtension'].map((type) => [
          commandSubject('workflow', type),
          record(atDistrict, type),
        ]),
      ),
    });

    const bridge = new FederationBridge({
      city: {
        events: new JetStreamEventBus({ connection: cityConnection, topology: cityTopology }),
        requests: new BusRequests(
          new NatsClientProxy({ connection: cityConnection, subjectPrefix: CITY, timeoutMs: 5_000 }),
        ),
      },
      district: {
        events: new JetStreamEventBus({ connection: cityConnection, topology: districtTopology }),
        requests: new BusRequests(
          new NatsClientProxy({ connection: cityConnection, subjectPrefix: DISTRICT, timeoutMs: 5_000 }),
        ),
      },
      unitId: UNIT,
    });
    const due = '2026-12-14T17:30:00.000+08:00';
    const later = '2026-12-16T17:30:00.000+08:00';
    const cityRelay = new JetStreamEventPublisher({
      connection: await as('city-relay'),
      topology: cityTopology,
    });
    const districtRelay = new JetStreamEventPublisher({
      connection: await as('sanmen-relay'),
      topology: districtTopology,
    });
    let position = 0;
    /** Publishes at the city or the district, then waits for the bridge's command on the other side. */
    const step = async (
      relay: JetStreamEventPublisher,
      type: string,
      data: Record<string, unknown>,
      log: string[],
    ): Promise<void> => {
      const seen = log.length;
      await relay.publish([{ ...event(type, data, `case-${String(data.caseId)}`), position: ++position }]);
      await until(`the bridge's answer to ${type}`, () => (log.length > seen ? true : undefined));
    };
    const refused = await violations(cityConnection, async () => {
      await bridge.start();
      const assignment = { signBy: due, returnBy: due };
      const plan = { coHandlers: [], dueAt: due, limitWorkingDays: 5 };
      await step(
        cityRelay,
        'CaseDispatched',
        { caseId, lead: { unitId: UNIT, ...assignment }, ...plan },
        atDistrict,
      );
      await step(
        districtRelay,
        'CaseDispatched',
        { caseId: districtCaseId, lead: { unitId: 'sanmen-street', ...assignment }, ...plan },
        atCity,
      );
      await step(
        districtRelay,
        'CaseExtensionRequested',
        {
          caseId: districtCaseId,
          unitId: 'sanmen-street',
          reason: '需协调多部门',
          requestedDueAt: later,
          workingDays: 2,
        },
        atCity,
      );
      await step(cityRelay, 'CaseExtensionApproved', { caseId, dueAt: later, workingDays: 2 }, atDistrict);
      await step(districtRelay, 'CaseCompleted', { caseId: districtCaseId }, atCity);
      await bridge.stop();
    });
    expect(refused).toBe('');
    expect(atDistrict).toEqual([`RegisterCase ${districtCaseId}`, `ApproveCaseExtension ${districtCaseId}`]);
    expect(atCity).toEqual([
      `SignCase ${caseId}`,
      `RequestCaseExtension ${caseId}`,
      `SubmitCaseReply ${caseId}`,
    ]);
  });

  it('refuses the city’s workflow anything else at the district', async () => {
    const city = await as('city-workflow');
    for (const subject of [
      `${DISTRICT}.${commandSubject('workflow', 'CloseCase')}`,
      `${DISTRICT}.${commandSubject('routing', 'RouteCase')}`,
      `${DISTRICT}.${querySubject('workflow', 'ListCases')}`,
      `${districtTopology.eventsSubjectPrefix}.city.case.CaseRegistered`,
    ]) {
      expect(await violations(city, () => city.publish(subject, '{}'))).toMatch(
        /Permissions Violation for Publish/,
      );
    }
    for (const subject of [
      `${DISTRICT}.${commandSubject('workflow', 'RegisterCase')}`,
      `${districtTopology.eventsSubjectPrefix}.>`,
    ]) {
      const sub = city.subscribe(subject);
      expect(String(await sub.closed)).toMatch(/Permissions Violation for Subscription/);
    }
    const jsm = await jetstreamManager(city);
    await expect(
      jsm.consumers.add(districtTopology.eventsStream, { durable_name: 'snoop', ack_policy: 'explicit' }),
    ).rejects.toThrow();
    await expect(jsm.streams.purge(districtTopology.eventsStream)).rejects.toThrow();
    await expect(jsm.streams.info(districtTopology.dlqStream)).rejects.toThrow();
  });

  it('refuses the district’s users everything of the city', async () => {
    const district = await as('sanmen-workflow');
    for (const subject of [
      `${CITY}.${commandSubject('workflow', 'SubmitCaseReply')}`,
      `${CITY}.${querySubject('workflow', 'GetCase')}`,
      `${CITY}.${commandSubject('workflow', 'x').replace(/x$/, 'SignCase')}`,
    ]) {
      expect(await violations(district, () => district.publish(subject, '{}'))).toMatch(
        /Permissions Violation for Publish/,
      );
    }
    for (const subject of [
      `${CITY}.${commandSubject('workflow', 'SignCase')}`,
      `${cityTopology.eventsSubjectPrefix}.>`,
      `${inboxPrefixOf('city-workflow')}.>`,
    ]) {
      const sub = district.subscribe(subject);
      expect(String(await sub.closed)).toMatch(/Permissions Violation for Subscription/);
    }
    const jsm = await jetstreamManager(district);
    await expect(
      jsm.consumers.add(cityTopology.eventsStream, {
        durable_name: 'federation-sanmen-down',
        ack_policy: 'explicit',
      }),
    ).rejects.toThrow();
    await expect(jsm.streams.info(cityTopology.eventsStream)).rejects.toThrow();
    const relay = await as('sanmen-relay');
    expect(
      await violations(relay, () =>
        jetstream(relay).publish(`${cityTopology.eventsSubjectPrefix}.city.case.CaseCompleted`, '{}', {
          timeout: 1_000,
        }),
      ),
    ).toMatch(/Permissions Violation for Publish/);
  });
});
