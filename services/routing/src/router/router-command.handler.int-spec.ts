import {
  HotlineError,
  platformRegistry,
  systemActor,
  type CommandEnvelope,
  type RouterCommand,
  type RouterEvent,
} from '@hotline/contracts';
import { PostgresEventStore } from '@hotline/infra/event-store/postgres';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { agentProfile, queueConfig } from '../testing/router-fixtures';
import { EventModel } from '../testing/router-invariants';
import { snapshotOf } from '../testing/router-snapshot';
import { RouterCommandHandler } from './router-command.handler';
import { RouterTimersRunner } from './router-timers.runner';

const registry = platformRegistry();
const clock = { now: () => new Date() };
const AGENTS = 12;
const CONTACTS = 120;
let sequence = 0;

const envelope = (
  command: RouterCommand,
  commandId = `cmd-${process.pid}-${sequence++}`,
): CommandEnvelope => ({
  commandId,
  type: command.type,
  data: command.data,
  metadata: { correlationId: commandId, actor: systemActor('router-test'), districtId: 'city' },
});

describe('two router instances on one PostgreSQL event store', () => {
  let database: TemporaryDatabase;
  let stores: PostgresEventStore[];
  let routers: RouterCommandHandler[];

  beforeAll(async () => {
    database = await createTemporaryDatabase('router');
    stores = [
      await PostgresEventStore.open({ url: database.url }),
      await PostgresEventStore.open({ url: database.url }),
    ];
    routers = stores.map((store) => new RouterCommandHandler({ store, clock, registry, districtId: 'city' }));
  });

  afterAll(async () => {
    for (const store of stores ?? []) await store.close();
    await database?.drop();
  });

  it('never offers an agent two contacts nor gives a contact two agents while both decide at once', async () => {
    const [a, b] = routers as [RouterCommandHandler, RouterCommandHandler];
    await a.handle(envelope({ type: 'DefineQueue', data: queueConfig({ offerTimeoutSeconds: 60 }) }));
    for (let i = 0; i < AGENTS; i++) {
      const agentId = `agent-${i}`;
      const router = i % 2 === 0 ? a : b;
      await router.handle(envelope({ type: 'SetAgentProfile', data: agentProfile(agentId) }));
      await router.handle(envelope({ type: 'LogInAgent', data: { agentId } }));
      await router.handle(envelope({ type: 'MakeAgentReady', data: { agentId } }));
    }
    const send = async (router: RouterCommandHandler, command: RouterCommand): Promise<void> => {
      try {
        await router.handle(envelope(command));
      } catch (error) {
        // The other instance got there first (the offer was answered, the contact ended): refused, nothing stored.
        if (!(error instanceof HotlineError && error.kind === 'rule')) throw error;
      }
    };
    const arrivals = Array.from({ length: CONTACTS }, (_, i) =>
      send(i % 2 === 0 ? a : b, {
        type: 'QueueContact',
        data: {
          contactId: `contact-${i}`,
          queueId: 'general',
          channel: 'voice',
          urgent: i % 7 === 0,
          requiredSkills: [],
        },
      }),
    );
    // Each instance plays the agents it sees: answers their offers and ends their contacts.
    const desk = async (router: RouterCommandHandler, other: RouterCommandHandler): Promise<void> => {
      for (let state = await router.current(); state.contacts.size > 0; state = await router.current()) {
        const work: Array<Promise<void>> = [];
        for (const agent of state.agents.values()) {
          const via = agent.agentId.length % 2 === 0 ? router : other;
          if (agent.offer)
            work.push(
              send(via, { type: 'AcceptOffer', data: { agentId: agent.agentId, contactId: agent.offer } }),
            );
          for (const held of agent.contacts) {
            work.push(
              send(via, { type: 'EndContact', data: { agentId: agent.agentId, contactId: held.contactId } }),
            );
          }
        }
        await Promise.all(work);
        if (work.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    await Promise.all(arrivals);
    await Promise.all([desk(a, b), desk(b, a)]);

    const stored = await stores[0]!.readStream(a.streamId);
    const model = new EventModel();
    const counts = new Map<string, number>();
    for (const event of stored) {
      model.apply({ type: event.type, data: event.data } as RouterEvent, () => 0);
      counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    }
    expect(model.broken).toEqual([]);
    expect(counts.get('ContactQueued')).toBe(CONTACTS);
    expect(counts.get('OfferAccepted')).toBe(CONTACTS);
    expect(counts.get('ContactEnded')).toBe(CONTACTS);
    expect(snapshotOf(await b.current())).toEqual(snapshotOf(await a.current()));
  }, 120_000);

  it('answers a repeated command id from either instance with the first result', async () => {
    const [a, b] = routers as [RouterCommandHandler, RouterCommandHandler];
    const command = envelope(
      {
        type: 'QueueContact',
        data: {
          contactId: 'repeat-1',
          queueId: 'general',
          channel: 'voice',
          urgent: false,
          requiredSkills: [],
        },
      },
      `repeat-${process.pid}`,
    );
    const first = await a.handle(command);
    const again = await b.handle(command);
    expect(first.idempotent).toBe(false);
    expect(again).toEqual({ ...first, idempotent: true });
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const [a] = routers as [RouterCommandHandler];
    const before = (await stores[0]!.readStream(a.streamId)).length;
    await expect(
      a.handle(
        envelope({
          type: 'QueueContact',
          data: {
            contactId: 'x',
            queueId: 'Not A Slug',
            channel: 'voice',
            urgent: false,
            requiredSkills: [],
          },
        }),
      ),
    ).rejects.toMatchObject({ kind: 'validation', field: 'data.queueId' });
    await expect(
      a.handle(envelope({ type: 'AcceptOffer', data: { agentId: 'agent-1', contactId: 'nothing' } })),
    ).rejects.toMatchObject({
      kind: 'rule',
      code: 'ROUTER_NO_OFFER',
    });
    expect((await stores[0]!.readStream(a.streamId)).length).toBe(before);
  });

  it('expires an unanswered offer once although both instances run the timers', async () => {
    const [a, b] = routers as [RouterCommandHandler, RouterCommandHandler];
    await a.handle(
      envelope({ type: 'DefineQueue', data: queueConfig({ queueId: 'timers', offerTimeoutSeconds: 1 }) }),
    );
    const profile = agentProfile('solo', {
      queues: [{ queueId: 'timers', tier: 1, position: 0, weight: 1 }],
    });
    await a.handle(envelope({ type: 'SetAgentProfile', data: profile }));
    await a.handle(envelope({ type: 'LogInAgent', data: { agentId: 'solo' } }));
    await a.handle(envelope({ type: 'MakeAgentReady', data: { agentId: 'solo' } }));
    await b.handle(
      envelope({
        type: 'QueueContact',
        data: {
          contactId: 'ringing',
          queueId: 'timers',
          channel: 'voice',
          urgent: false,
          requiredSkills: [],
        },
      }),
    );
    const errors: unknown[] = [];
    const runners = routers.map(
      (router) => new RouterTimersRunner(router, clock, (error) => errors.push(error)),
    );
    runners.forEach((runner) => runner.start());
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    } finally {
      runners.forEach((runner) => runner.stop());
    }
    const expired = (await stores[1]!.readStream(a.streamId)).filter(
      (event) =>
        event.type === 'OfferExpired' && (event.data as { contactId: string }).contactId === 'ringing',
    );
    expect(errors).toEqual([]);
    expect(expired).toHaveLength(1);
    expect((await b.current()).contacts.get('ringing')?.status).toBe('waiting');
  });

  it('decides the commands waiting together into one append, a refusal and a repeated id answered alone', async () => {
    const [a, b] = routers as [RouterCommandHandler, RouterCommandHandler];
    await a.handle(envelope({ type: 'DefineQueue', data: queueConfig({ queueId: 'batch' }) }));
    const queue = (contactId: string, queueId = 'batch'): RouterCommand => ({
      type: 'QueueContact',
      data: { contactId, queueId, channel: 'voice', urgent: false, requiredSkills: [] },
    });
    const appends = stores.map((store) => jest.spyOn(store, 'append'));
    try {
      const repeated = envelope(queue('batch-repeated'));
      const sent = Array.from({ length: 60 }, (_, i) =>
        (i % 2 === 0 ? a : b).handle(envelope(queue(`batch-${i}`))),
      );
      const [first, again, refused] = await Promise.allSettled([
        a.handle(repeated),
        a.handle(repeated),
        a.handle(envelope(queue('batch-nowhere', 'nowhere'))),
      ]);
      const results = await Promise.all(sent);

      expect(results.every((result) => result.events.length === 1 && !result.idempotent)).toBe(true);
      expect(first).toMatchObject({ status: 'fulfilled', value: { idempotent: false } });
      expect(again).toEqual({
        status: 'fulfilled',
        value: { ...(first as PromiseFulfilledResult<object>).value, idempotent: true },
      });
      expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'ROUTER_UNKNOWN_QUEUE' } });
      // Group commit: far fewer appends than commands, the losing instance's batches decided again.
      const calls = appends.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
      expect(calls).toBeLessThan(40);
    } finally {
      appends.forEach((spy) => spy.mockRestore());
    }
    const queued = (await stores[0]!.readStream(a.streamId)).filter(
      (event) => event.type === 'ContactQueued' && (event.data as { queueId: string }).queueId === 'batch',
    );
    const ids = queued.map((event) => (event.data as { contactId: string }).contactId);
    expect(ids).toHaveLength(61);
    expect(new Set(ids).size).toBe(61);
    expect((await a.current()).queues.get('batch')?.waiting).toBe(61);
    expect(snapshotOf(await b.current())).toEqual(snapshotOf(await a.current()));
  });

  it('folds its own batch from the append without reading it back, as a fresh read folds it', async () => {
    const [a, b] = routers as [RouterCommandHandler, RouterCommandHandler];
    await a.current();
    const reads = jest.spyOn(stores[0]!, 'readStreamOrEmpty');
    try {
      const result = await a.handle(
        envelope({ type: 'DefineQueue', data: queueConfig({ queueId: 'own', name: '自己的' }) }),
      );
      // The read that starts the batch, and none after the append.
      expect(reads).toHaveBeenCalledTimes(1);
      expect(result.events).toHaveLength(1);
      expect(a.folded.queues.get('own')?.config.name).toBe('自己的');
    } finally {
      reads.mockRestore();
    }
    const fresh = new RouterCommandHandler({ store: stores[1]!, clock, registry, districtId: 'city' });
    expect(snapshotOf(await fresh.current())).toEqual(snapshotOf(a.folded));
    expect(snapshotOf(await b.current())).toEqual(snapshotOf(a.folded));
  });
});
