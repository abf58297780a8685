import {
  ROUTING_SERVICE,
  commandSubject,
  querySubject,
  systemActor,
  type RouterCommand,
  type RouterEvent,
} from '@hotline/contracts';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices, type RunningServices } from '@hotline/infra/platform';
import { firstValueFrom } from 'rxjs';
import { createRoutingService } from '../routing.module';
import { EventModel } from './router-invariants';

/** One routing service with a platform of its own, as one pod of `k8s/base/routing.yaml`. */
export interface RoutingInstance {
  platform: Platform;
  running: RunningServices;
  send<T = unknown>(subject: string, payload: unknown): Promise<T>;
}

/**
 * Where router commands and queries are sent: an instance, or a client of the bus in front of
 * instances running elsewhere (the benchmark's router processes).
 */
export type RouterEndpoint = Pick<RoutingInstance, 'send'>;

/** What `GetAgentSession` answers that an agent's driver needs. */
export type DriverSession = { offer: { contactId: string } | null; contacts: Array<{ contactId: string }> };

/**
 * The environment of one routing instance of the `city` district in distributed mode on the given
 * NATS server and PostgreSQL database (the routing settings are their defaults): what the
 * integration test gives each in-process instance and the benchmark each router process.
 */
export function routingInstanceEnv(options: {
  natsUrl: string;
  databaseUrl: string;
  dataDir: string;
}): Record<string, string> {
  return {
    HOTLINE_MODE: 'distributed',
    NATS_URL: options.natsUrl,
    EVENT_STORE: 'postgres',
    POSTGRES_URL: options.databaseUrl,
    READ_STORE: 'memory',
    HOTLINE_DATA_DIR: options.dataDir,
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    HOTLINE_TRACE_EXPORTER: 'none',
  };
}

/**
 * `count` routing services of the `city` district in distributed mode, each on its own platform,
 * on one NATS server and one PostgreSQL event store: the setup of the two-instance integration
 * test (the benchmark runs its routers as processes of their own, or these with
 * `ROUTING_BENCH_ROUTERS=inline`).
 */
export async function openRoutingInstances(options: {
  natsUrl: string;
  databaseUrl: string;
  dataDir: string;
  count?: number;
}): Promise<RoutingInstance[]> {
  const env = routingInstanceEnv(options);
  const instances: RoutingInstance[] = [];
  for (let i = 0; i < (options.count ?? 2); i++) {
    const platform = await Platform.open('routing', loadConfig(platformConfigSchema, env, 'routing'));
    const service = createRoutingService({
      config: {
        ROUTING_DISTRICT: 'city',
        ROUTING_TIMERS: true,
        ROUTING_DEFAULT_HANDLE_SECONDS: 240,
        ROUTING_PATIENCE_SECONDS: 90,
        ROUTING_SNAPSHOT_EVERY_EVENTS: 1_000,
        ROUTING_SNAPSHOT_EVERY_MINUTES: 10,
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

/**
 * Router commands over the bus as the platform (`system:<sender>`), ids `<sender>-<n>`; `tolerant`
 * answers false for a rule refusal (another driver moved the contact on first: nothing stored).
 */
export function routerCommandSender(sender: string) {
  let sequence = 0;
  const command = (via: RouterEndpoint, body: RouterCommand): Promise<unknown> => {
    const commandId = `${sender}-${sequence++}`;
    return via.send(commandSubject(ROUTING_SERVICE, body.type), {
      commandId,
      type: body.type,
      data: body.data,
      metadata: { correlationId: commandId, actor: systemActor(sender), districtId: 'city' },
    });
  };
  const tolerant = (via: RouterEndpoint, body: RouterCommand): Promise<boolean> =>
    command(via, body).then(
      () => true,
      (error: { kind?: string }) => {
        if (error.kind !== 'rule') throw error;
        return false;
      },
    );
  const session = (via: RouterEndpoint, agentId: string): Promise<DriverSession> =>
    via.send<DriverSession>(querySubject(ROUTING_SERVICE, 'GetAgentSession'), { agentId });
  return { command, tolerant, session };
}

/** The stored router stream through the property tests' event model: its breaches and counts by type. */
export async function checkStoredRouter(
  instance: Pick<RoutingInstance, 'platform'>,
): Promise<{ broken: string[]; counts: Map<string, number> }> {
  const stored = await instance.platform.eventStore.readStream('router-city');
  const model = new EventModel();
  const counts = new Map<string, number>();
  for (const event of stored) {
    model.apply({ type: event.type, data: event.data } as RouterEvent, () => 0);
    counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
  }
  return { broken: model.broken, counts };
}
