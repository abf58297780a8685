/**
 * Contacts through the whole path (queue → offer → answer → end) with two routing service
 * instances on NATS request/reply and one PostgreSQL event store, as `k8s/base/routing.yaml` runs
 * them (goal: 1,000 contacts/s, no double offer). Arrivals are sent to both instances alternately;
 * each agent's driver asks its session through either instance and answers and ends what it is
 * offered. The stored stream is checked afterwards with the property tests' event model.
 */
import {
  ROUTING_SERVICE,
  commandSubject,
  querySubject,
  systemActor,
  type RouterCommand,
  type RouterEvent,
} from '@hotline/contracts';
import { privateNats } from '@hotline/infra/bus/testing';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices, type RunningServices } from '@hotline/infra/platform';
import { createTemporaryDatabase } from '@hotline/infra/postgres/testing';
import { createRoutingService } from '@hotline/routing';
import { EventModel } from '@hotline/routing/testing';
import { firstValueFrom } from 'rxjs';
import type { BenchContext, BenchResult } from './bench-kit';

interface Instance {
  platform: Platform;
  running: RunningServices;
  send<T = unknown>(subject: string, payload: unknown): Promise<T>;
}

type Session = { offer: { contactId: string } | null; contacts: Array<{ contactId: string }> };

async function openInstances(
  context: BenchContext,
  databaseUrl: string,
  natsUrl: string,
): Promise<Instance[]> {
  const env = {
    HOTLINE_MODE: 'distributed',
    NATS_URL: natsUrl,
    EVENT_STORE: 'postgres',
    POSTGRES_URL: databaseUrl,
    READ_STORE: 'memory',
    HOTLINE_DATA_DIR: context.tmpDir,
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    HOTLINE_TRACE_EXPORTER: 'none',
  };
  const instances: Instance[] = [];
  for (let i = 0; i < 2; i++) {
    const platform = await Platform.open('routing', loadConfig(platformConfigSchema, env, 'routing'));
    const service = createRoutingService({
      config: {
        ROUTING_DISTRICT: 'city',
        ROUTING_TIMERS: true,
        ROUTING_DEFAULT_HANDLE_SECONDS: 240,
        ROUTING_PATIENCE_SECONDS: 90,
      },
    });
    const running = await startServices(platform, [service], {
      port: 0,
      host: '127.0.0.1',
      handleSignals: false,
    });
    const client = platform.client();
    instances.push({
      platform,
      running,
      send: (subject, payload) => firstValueFrom(client.send(subject, payload)),
    });
  }
  return instances;
}

export async function twoInstancesOnNats(context: BenchContext): Promise<BenchResult | undefined> {
  if (context.postgresUrl === undefined) return undefined;
  const agents = Math.max(4, Math.round(200 * context.scale));
  const contacts = Math.max(40, Math.round(30_000 * context.scale));
  const nats = await privateNats(context.tmpDir);
  const database = await createTemporaryDatabase('routing_bench', context.postgresUrl);
  const instances = await openInstances(context, database.url, nats.url);
  let sequence = 0;
  const command = (via: Instance, body: RouterCommand) => {
    const commandId = `bench-${sequence++}`;
    return via.send(commandSubject(ROUTING_SERVICE, body.type), {
      commandId,
      type: body.type,
      data: body.data,
      metadata: { correlationId: commandId, actor: systemActor('bench'), districtId: 'city' },
    });
  };
  // Another driver (through the other instance) may have moved the contact on: a refusal, nothing stored.
  const tolerant = (via: Instance, body: RouterCommand): Promise<boolean> =>
    command(via, body).then(
      () => true,
      (error: { kind?: string }) => {
        if (error.kind !== 'rule') throw error;
        return false;
      },
    );
  try {
    const [a, b] = instances as [Instance, Instance];
    await command(a, {
      type: 'DefineQueue',
      data: {
        queueId: 'general',
        name: 'bench',
        requiredSkills: [],
        strategy: 'longest-idle',
        offerTimeoutSeconds: 60,
        afterContactWorkSeconds: 0,
        tierRules: [],
        urgentPriority: 2,
        repeatCallerPriority: 1,
        serviceLevelSeconds: 15,
        shortAbandonSeconds: 5,
      },
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
        data: {
          agentId,
          skills: {},
          queues: [{ queueId: 'general', tier: 1, position: i, weight: 1 }],
          chatCapacity: 0,
        },
      });
      await command(via, { type: 'LogInAgent', data: { agentId } });
      await command(via, { type: 'MakeAgentReady', data: { agentId } });
    }
    let ended = 0;
    let queued = 0;
    const started = process.hrtime.bigint();
    const arrivals = (async () => {
      // Keep about two contacts per agent waiting: the router, not the arrivals, is the bottleneck.
      const inFlight = new Set<Promise<unknown>>();
      while (queued < contacts) {
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
    })();
    const driver = async (agentId: string, n: number) => {
      let round = n;
      while (ended < contacts) {
        const via = instances[round++ % 2]!;
        const session = await via.send<Session>(querySubject(ROUTING_SERVICE, 'GetAgentSession'), {
          agentId,
        });
        if (session.offer)
          await tolerant(via, { type: 'AcceptOffer', data: { agentId, contactId: session.offer.contactId } });
        const held = session.offer ? [session.offer] : session.contacts;
        for (const contact of held) {
          if (await tolerant(via, { type: 'EndContact', data: { agentId, contactId: contact.contactId } }))
            ended++;
        }
        if (held.length === 0) await new Promise((r) => setTimeout(r, 2));
      }
    };
    await Promise.all([arrivals, ...agentIds.map(driver)]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const stored = await a.platform.eventStore.readStream('router-city');
    const model = new EventModel();
    let accepted = 0;
    for (const event of stored) {
      model.apply({ type: event.type, data: event.data } as RouterEvent, () => 0);
      if (event.type === 'OfferAccepted') accepted++;
    }
    return {
      name: `contacts queue → offer → answer → end, two router instances on NATS + PostgreSQL (${agents} agents)`,
      unit: 'contact',
      ours: { ops: contacts, seconds },
      goal: { minPerSecond: 1_000 },
      notes: `${accepted} answered; double offers or contacts with two agents: ${model.broken.length}`,
    };
  } finally {
    for (const instance of instances) await instance.running.close();
    await nats.stop();
    await database.drop();
  }
}
