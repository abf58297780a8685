import {
  HotlineError,
  platformRegistry,
  systemActor,
  type CommandEnvelope,
  type RouterCommand,
  type RouterEvent,
} from '@hotline/contracts';
import type { EventStore, ReadStreamOptions } from '@hotline/infra/event-store';
import { PostgresEventStore } from '@hotline/infra/event-store/postgres';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { SqliteReadStore } from '@hotline/infra/read-store';
import { RouterCommandHandler } from '../router/router-command.handler';
import { routerDecider } from '../router/router.decider';
import type { RouterState } from '../router/router-state';
import { QueueStatistics } from '../statistics/queue-statistics';
import { agentProfile, queueConfig } from '../testing/router-fixtures';
import { snapshotOf } from '../testing/router-snapshot';
import { foldsSnapshot } from './folds-snapshot';
import { ReadStoreSnapshots } from './read-store-snapshots';

const registry = platformRegistry();
const clock = { now: () => new Date() };
let sequence = 0;

const envelope = (
  command: RouterCommand,
  commandId = `snap-${process.pid}-${sequence++}`,
): CommandEnvelope => ({
  commandId,
  type: command.type,
  data: command.data,
  metadata: { correlationId: commandId, actor: systemActor('router-test'), districtId: 'city' },
});

/** The event store as the router reads it, noting from which revision each read of its stream starts. */
const watched = (store: EventStore, reads: number[]): EventStore =>
  new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'readStreamOrEmpty')
        return (streamId: string, options?: ReadStreamOptions) => {
          if (options?.maxCount === undefined) reads.push(options?.fromRevision ?? 0);
          return target.readStreamOrEmpty(streamId, options);
        };
      return Reflect.get(target, name, receiver) as unknown;
    },
  });

describe('the router started from a snapshot (PostgreSQL event store, SQLite read store)', () => {
  let database: TemporaryDatabase;
  let store: PostgresEventStore;
  const snapshots = new ReadStoreSnapshots(SqliteReadStore.inMemory());

  beforeAll(async () => {
    database = await createTemporaryDatabase('router_snapshot');
    store = await PostgresEventStore.open({ url: database.url });
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  const router = (reads: number[] = [], statistics = new QueueStatistics(30)) =>
    new RouterCommandHandler({
      store: watched(store, reads),
      clock,
      registry,
      districtId: 'city',
      onEvent: (recorded) => statistics.apply({ type: recorded.type, data: recorded.data } as RouterEvent),
      snapshots: {
        store: snapshots,
        everyEvents: 25,
        everyMs: 3_600_000,
        parts: foldsSnapshot({ statistics }),
      },
    });
  const tolerant = async (handler: RouterCommandHandler, command: RouterCommand) => {
    try {
      return await handler.handle(envelope(command));
    } catch (error) {
      if (error instanceof HotlineError && error.kind === 'rule') return undefined;
      throw error;
    }
  };

  it('reads only the events after the snapshot, and decides as a full replay does', async () => {
    const first = router();
    await first.handle(envelope({ type: 'DefineQueue', data: queueConfig({ offerTimeoutSeconds: 60 }) }));
    for (const agentId of ['agent-1', 'agent-2', 'agent-3']) {
      await first.handle(envelope({ type: 'SetAgentProfile', data: agentProfile(agentId) }));
      await first.handle(envelope({ type: 'LogInAgent', data: { agentId } }));
      await first.handle(envelope({ type: 'MakeAgentReady', data: { agentId } }));
    }
    for (let i = 0; i < 30; i++) {
      const contactId = `contact-${i}`;
      await first.handle(
        envelope({
          type: 'QueueContact',
          data: { contactId, queueId: 'general', channel: 'voice', urgent: i % 5 === 0, requiredSkills: [] },
        }),
      );
      const holder = [...(await first.current()).agents.values()].find((a) => a.offer === contactId);
      if (holder && i % 3 !== 0) {
        await tolerant(first, { type: 'AcceptOffer', data: { agentId: holder.agentId, contactId } });
        if (i % 2 === 0)
          await tolerant(first, { type: 'EndContact', data: { agentId: holder.agentId, contactId } });
      }
    }
    await first.snapshotsWritten();
    const taken = await snapshots.load('router-city');
    expect(taken?.revision).toBeGreaterThan(25);

    // A restart: the state from the snapshot plus the events after it, the statistics with it.
    const reads: number[] = [];
    const restartedStatistics = new QueueStatistics(30);
    const restarted = router(reads, restartedStatistics);
    const replayedStatistics = new QueueStatistics(30);
    const replayed = new RouterCommandHandler({
      store,
      clock,
      registry,
      districtId: 'city',
      onEvent: (recorded) =>
        replayedStatistics.apply({ type: recorded.type, data: recorded.data } as RouterEvent),
    });
    expect(snapshotOf(await restarted.current())).toEqual(snapshotOf(await replayed.current()));
    expect(reads[0]).toBe(taken!.revision + 1);
    const [from, to] = [Date.now() - 3_600_000, Date.now() + 60_000];
    expect(restartedStatistics.total(from, to, 'general')).toEqual(
      replayedStatistics.total(from, to, 'general'),
    );
    expect(restartedStatistics.total(from, to, 'general').offered).toBe(30);

    // The same next decisions on both states: offers running out, an urgent arrival, a hang-up.
    const [fromSnapshot, fromHistory] = [await restarted.current(), await replayed.current()];
    const held = [...fromHistory.agents.values()].find((agent) => agent.contacts.length > 0);
    const probes: RouterCommand[] = [
      { type: 'RunRouterTimers', data: {} },
      {
        type: 'QueueContact',
        data: { contactId: 'probe', queueId: 'general', channel: 'voice', urgent: true, requiredSkills: [] },
      },
      ...(held
        ? [
            {
              type: 'EndContact',
              data: { agentId: held.agentId, contactId: held.contacts[0]!.contactId },
            } as const,
          ]
        : []),
    ];
    const context = {
      now: new Date(Date.now() + 120_000),
      actor: systemActor('router-test'),
      districtId: 'city',
      commandId: 'probe',
    };
    const decide = (state: RouterState, command: RouterCommand) => {
      try {
        return routerDecider.decide(command, state, context);
      } catch (error) {
        return (error as HotlineError).code;
      }
    };
    for (const command of probes) {
      expect(decide(fromSnapshot, command)).toEqual(decide(fromHistory, command));
    }
    expect(fromSnapshot.entryCount).toBe(fromHistory.entryCount);

    // A command id answered before the snapshot is still recognised after the restart.
    const repeated = await restarted.handle(
      envelope(
        { type: 'DefineQueue', data: queueConfig({ offerTimeoutSeconds: 60 }) },
        `snap-${process.pid}-0`,
      ),
    );
    expect(repeated.idempotent).toBe(true);
  });

  it('folds the whole history when the snapshot belongs to another stream history', async () => {
    await snapshots.save('router-city', {
      revision: 3,
      json: JSON.stringify({
        ...(await snapshots.load('router-city')),
        revision: 3,
        eventId: 'not-this-one',
      }),
    });
    const reads: number[] = [];
    const restarted = router(reads);
    const replayed = new RouterCommandHandler({ store, clock, registry, districtId: 'city' });
    expect(snapshotOf(await restarted.current())).toEqual(snapshotOf(await replayed.current()));
    expect(reads[0]).toBe(0);
  });
});
