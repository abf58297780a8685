/**
 * Contacts through the whole path (queue → offer → answer → end) with two routing service
 * instances on NATS request/reply and one PostgreSQL event store, as `k8s/base/routing.yaml` runs
 * them (goal: 1,000 contacts/s, no double offer). Arrivals are sent to both instances alternately;
 * each agent's driver asks its session through either instance and answers and ends what it is
 * offered. The stored stream is checked afterwards with the property tests' event model. The
 * instances are opened as the two-instance integration test opens them (`@hotline/routing/testing`).
 */
import { jetstreamManager } from '@nats-io/jetstream';
import { JetStreamEventPublisher } from '@hotline/infra/bus';
import { privateNats } from '@hotline/infra/bus/testing';
import { Relay, lastPublishedPosition } from '@hotline/infra/relay';
import { createTemporaryDatabase } from '@hotline/infra/postgres/testing';
import {
  agentProfile,
  checkStoredRouter,
  openRoutingInstances,
  queueConfig,
  routerCommandSender,
  type RoutingInstance,
} from '@hotline/routing/testing';
import type { BenchContext, BenchResult } from './bench-kit';
import { startWallboardProbe } from './routing-wallboard-probe';

export async function twoInstancesOnNats(context: BenchContext): Promise<BenchResult | undefined> {
  if (context.postgresUrl === undefined) return undefined;
  const agents = Math.max(4, Math.round(200 * context.scale));
  const contacts = Math.max(40, Math.round(30_000 * context.scale));
  // Arrivals stop at `contacts` or after this long, whichever comes first, so a slow router still
  // gives a figure in bounded time (the rate is the contacts ended over the time they took).
  const arrivalMs = Math.max(15_000, 60_000 * context.scale);
  const nats = await privateNats(context.tmpDir);
  const database = await createTemporaryDatabase('routing_bench', context.postgresUrl);
  const instances = await openRoutingInstances({
    natsUrl: nats.url,
    databaseUrl: database.url,
    dataDir: context.tmpDir,
  });
  const { command, tolerant, session } = routerCommandSender('bench');
  try {
    const [a, b] = instances as [RoutingInstance, RoutingInstance];
    await command(a, {
      type: 'DefineQueue',
      data: queueConfig({ name: 'bench', offerTimeoutSeconds: 60 }),
    });
    await command(a, {
      type: 'SetRouterSettings',
      data: {
        repeatCallerDays: 0,
        priorityCallers: [],
        maxMissedOffers: 100,
        declineDelaySeconds: 0,
        noAnswerDelaySeconds: 0,
        wrapUpDelaySeconds: 0,
        seed: 1,
      },
    });
    const agentIds = Array.from({ length: agents }, (_, i) => `agent-${i}`);
    for (const [i, agentId] of agentIds.entries()) {
      const via = instances[i % 2]!;
      await command(via, {
        type: 'SetAgentProfile',
        data: agentProfile(agentId, {
          skills: {},
          queues: [{ queueId: 'general', tier: 1, position: i, weight: 1 }],
        }),
      });
      await command(via, { type: 'LogInAgent', data: { agentId } });
      await command(via, { type: 'MakeAgentReady', data: { agentId } });
    }
    // The relay puts the stored events on JetStream, where the gateway's wallboard feed follows them.
    const publisher = new JetStreamEventPublisher({
      connection: b.platform.natsConnection,
      topology: b.platform.topology,
    });
    const jsm = await jetstreamManager(b.platform.natsConnection);
    const relay = new Relay({
      store: a.platform.eventStore,
      publisher,
      resumePosition: () => lastPublishedPosition(jsm, b.platform.topology.eventsStream),
    });
    await relay.start();
    const probe = await startWallboardProbe(a, b);
    let ended = 0;
    let queued = 0;
    let arriving = true;
    const started = process.hrtime.bigint();
    const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
    const arrivals = (async () => {
      // Keep about two contacts per agent waiting: the router, not the arrivals, is the bottleneck.
      const inFlight = new Set<Promise<unknown>>();
      while (queued < contacts && elapsedMs() < arrivalMs) {
        if (queued - ended > agents * 2 || inFlight.size >= 64) {
          await Promise.race([...inFlight, new Promise((r) => setTimeout(r, 1))]);
          continue;
        }
        const i = queued++;
        const sent = command(i % 2 === 0 ? a : b, {
          type: 'QueueContact',
          data: {
            contactId: `c${i}`,
            queueId: 'general',
            channel: 'voice',
            urgent: false,
            requiredSkills: [],
          },
        }).finally(() => inFlight.delete(sent));
        inFlight.add(sent);
      }
      await Promise.all(inFlight);
      arriving = false;
    })();
    const driver = async (agentId: string, n: number) => {
      let round = n;
      while (arriving || ended < queued) {
        const via = instances[round++ % 2]!;
        const now = await session(via, agentId);
        if (now.offer)
          await tolerant(via, { type: 'AcceptOffer', data: { agentId, contactId: now.offer.contactId } });
        const held = now.offer ? [now.offer] : now.contacts;
        for (const contact of held) {
          if (await tolerant(via, { type: 'EndContact', data: { agentId, contactId: contact.contactId } }))
            ended++;
        }
        if (held.length === 0) await new Promise((r) => setTimeout(r, 2));
      }
    };
    await Promise.all([arrivals, ...agentIds.map(driver)]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const board = await probe.stop();
    await relay.stop();
    await publisher.close();
    const at = (p: number, values = board.asked) =>
      values[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
    const { broken, counts } = await checkStoredRouter(a);
    const accepted = counts.get('OfferAccepted') ?? 0;
    return {
      name: `contacts queue → offer → answer → end, two router instances on NATS + PostgreSQL (${agents} agents)`,
      unit: 'contact',
      ours: { ops: ended, seconds },
      goal: { minPerSecond: 1_000 },
      notes:
        `${queued} queued, ${accepted} answered; double offers or contacts with two agents: ${broken.length}; ` +
        `wallboard shows a change made through the other instance: asked at once p50 ${at(0.5).toFixed(0)} ms, ` +
        `p99 ${at(0.99).toFixed(0)} ms, max ${at(1).toFixed(0)} ms (the screen used to ask every 1 s on top); ` +
        `pushed (relay, JetStream, gateway feed) p50 ${at(0.5, board.pushed).toFixed(0)} ms, ` +
        `p99 ${at(0.99, board.pushed).toFixed(0)} ms, max ${at(1, board.pushed).toFixed(0)} ms ` +
        `(${board.pushed.length} probes, ${board.messages} messages pushed; goal ≤ 1,000 ms)`,
    };
  } finally {
    for (const instance of instances) await instance.running.close();
    await nats.stop();
    await database.drop();
  }
}
