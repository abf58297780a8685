/**
 * Contacts through the whole path (queue → offer → answer → end) with two routing service
 * instances on NATS request/reply and one PostgreSQL event store, as `k8s/base/services/routing.yaml`
 * runs them: each router in a process of its own (`services/routing/src/main.ts`), the agents'
 * drivers, the relay and the wallboard probe in this one (goal: 1,000 contacts/s, no double offer).
 * `ROUTING_BENCH_ROUTERS=inline` opens both routers in this process instead, as the two-instance
 * integration test does (how the figures before session 11 were taken). Every command and query
 * goes to the routing queue group on NATS, which spreads them over both instances; each agent's
 * driver asks its session and answers and ends what it is offered. The stored stream is checked
 * afterwards with the property tests' event model.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { jetstreamManager } from '@nats-io/jetstream';
import { JetStreamEventPublisher } from '@hotline/infra/bus';
import { freePort, privateNats } from '@hotline/infra/bus/testing';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema } from '@hotline/infra/platform';
import { Relay, lastPublishedPosition } from '@hotline/infra/relay';
import { createTemporaryDatabase } from '@hotline/infra/postgres/testing';
import {
  agentProfile,
  checkStoredRouter,
  openRoutingInstances,
  queueConfig,
  routerCommandSender,
  routingInstanceEnv,
  type RouterEndpoint,
  type RoutingInstance,
} from '@hotline/routing/testing';
import type { BenchContext, BenchResult } from './bench-kit';
import { startWallboardProbe } from './routing-wallboard-probe';

/** What the bench drives: a bus client in front of the routers, and how to stop them. */
interface Routers {
  /** This process's platform: its bus client, its event store (the check) and the relay's. */
  platform: Platform;
  endpoint: RouterEndpoint;
  /** CPU seconds each router used since it started (Linux; empty elsewhere or inline). */
  cpuSeconds(): number[];
  close(): Promise<void>;
}

/** user + system CPU seconds of a process, from /proc (fields 14 and 15 of its stat line). */
function cpuSecondsOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** One router process as a pod runs it; resolves once its readiness check answers 200. */
async function startRouterProcess(env: Record<string, string>): Promise<ChildProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '../services/routing/src/main.ts')],
    { env: { ...process.env, ...env, HTTP_PORT: String(port) }, stdio: 'inherit' },
  );
  for (let attempt = 0; ; attempt++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return child;
    if (attempt > 600 || child.exitCode !== null) {
      child.kill('SIGTERM');
      throw new Error(`a router process did not get ready (exit code ${child.exitCode ?? 'none'})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function startRouters(env: Record<string, string>): Promise<Routers> {
  const config = () => loadConfig(platformConfigSchema, env, 'routing-bench');
  if (process.env.ROUTING_BENCH_ROUTERS === 'inline') {
    const instances = await openRoutingInstances({
      natsUrl: env.NATS_URL!,
      databaseUrl: env.POSTGRES_URL!,
      dataDir: env.HOTLINE_DATA_DIR!,
    });
    const platform = await Platform.open('routing-bench', config());
    const [a] = instances as [RoutingInstance];
    return {
      platform,
      endpoint: a,
      cpuSeconds: () => [],
      close: async () => {
        for (const instance of instances) await instance.running.close();
        await platform.close();
      },
    };
  }
  const children: ChildProcess[] = [];
  try {
    // One after the other: both create the event table and the streams on first start.
    for (let i = 0; i < 2; i++) children.push(await startRouterProcess(env));
  } catch (error) {
    for (const child of children) child.kill('SIGTERM');
    throw error;
  }
  const platform = await Platform.open('routing-bench', config());
  const client = platform.client();
  return {
    platform,
    endpoint: { send: (subject, payload) => firstValueFrom(client.send(subject, payload)) },
    cpuSeconds: () => children.map((child) => cpuSecondsOf(child.pid) ?? NaN),
    close: async () => {
      await platform.close();
      await Promise.all(
        children.map(async (child) => {
          if (child.exitCode !== null) return;
          child.kill('SIGTERM');
          await once(child, 'exit');
        }),
      );
    },
  };
}

export async function twoInstancesOnNats(context: BenchContext): Promise<BenchResult | undefined> {
  if (context.postgresUrl === undefined) return undefined;
  const agents = Math.max(4, Math.round(200 * context.scale));
  const contacts = Math.max(40, Math.round(30_000 * context.scale));
  // Arrivals stop at `contacts` or after this long, whichever comes first, so a slow router still
  // gives a figure in bounded time (the rate is the contacts ended over the time they took).
  const arrivalMs = Math.max(15_000, 60_000 * context.scale);
  const nats = await privateNats(context.tmpDir);
  const database = await createTemporaryDatabase('routing_bench', context.postgresUrl);
  const routers = await startRouters(
    routingInstanceEnv({ natsUrl: nats.url, databaseUrl: database.url, dataDir: context.tmpDir }),
  ).catch(async (error: unknown) => {
    await nats.stop();
    await database.drop();
    throw error;
  });
  const { command, tolerant, session } = routerCommandSender('bench');
  try {
    const via = routers.endpoint;
    const platform = routers.platform;
    await command(via, {
      type: 'DefineQueue',
      data: queueConfig({ name: 'bench', offerTimeoutSeconds: 60 }),
    });
    await command(via, {
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
      connection: platform.natsConnection,
      topology: platform.topology,
    });
    const jsm = await jetstreamManager(platform.natsConnection);
    const relay = new Relay({
      store: platform.eventStore,
      publisher,
      resumePosition: () => lastPublishedPosition(jsm, platform.topology.eventsStream),
    });
    await relay.start();
    const probe = await startWallboardProbe(via, { ...via, platform });
    const cpuBefore = routers.cpuSeconds();
    const parentCpuBefore = process.cpuUsage();
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
        const sent = command(via, {
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
    const driver = async (agentId: string) => {
      while (arriving || ended < queued) {
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
    await Promise.all([arrivals, ...agentIds.map((agentId) => driver(agentId))]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const parentCpu = process.cpuUsage(parentCpuBefore);
    const routerCpu = routers.cpuSeconds().map((s, i) => s - (cpuBefore[i] ?? NaN));
    const board = await probe.stop();
    await relay.stop();
    await publisher.close();
    const at = (p: number, values = board.asked) =>
      values[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;
    const { broken, counts } = await checkStoredRouter({ platform });
    const share = (cpu: number) => `${((cpu / seconds) * 100).toFixed(0)} %`;
    const parentSeconds = (parentCpu.user + parentCpu.system) / 1e6;
    // What a contact costs in CPU (PostgreSQL's not counted): steadier than the rate under load.
    const cpuMsPerContact =
      ((parentSeconds + routerCpu.reduce((sum, s) => sum + s, 0)) * 1e3) / Math.max(1, ended);
    const cpu =
      `CPU of a core while contacts flowed: this process (drivers, relay, probe) ${share(parentSeconds)}` +
      (routerCpu.length > 0 ? `, routers ${routerCpu.map(share).join(' and ')}` : ' (routers inline)') +
      `; ${cpuMsPerContact.toFixed(1)} ms of CPU a contact`;
    const accepted = counts.get('OfferAccepted') ?? 0;
    return {
      name: `contacts queue → offer → answer → end, two router ${process.env.ROUTING_BENCH_ROUTERS === 'inline' ? 'instances in this process' : 'processes'} on NATS + PostgreSQL (${agents} agents)`,
      unit: 'contact',
      ours: { ops: ended, seconds },
      goal: { minPerSecond: 1_000 },
      notes:
        `${queued} queued, ${accepted} answered; double offers or contacts with two agents: ${broken.length}; ` +
        `wallboard shows a change made through the other instance: asked at once p50 ${at(0.5).toFixed(0)} ms, ` +
        `p99 ${at(0.99).toFixed(0)} ms, max ${at(1).toFixed(0)} ms (the screen used to ask every 1 s on top); ` +
        `pushed (relay, JetStream, gateway feed) p50 ${at(0.5, board.pushed).toFixed(0)} ms, ` +
        `p99 ${at(0.99, board.pushed).toFixed(0)} ms, max ${at(1, board.pushed).toFixed(0)} ms ` +
        `(${board.pushed.length} probes, ${board.messages} messages pushed; goal ≤ 1,000 ms); ${cpu}`,
    };
  } finally {
    await routers.close();
    await nats.stop();
    await database.drop();
  }
}
