import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { platformRegistry, type Clock, type MessageRegistry } from '@hotline/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import { jetstreamManager } from '@nats-io/jetstream';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import type { Registry } from 'prom-client';
import { ConfigError } from '../config/config.error';
import type { EventStore } from '../event-store/event-store.port';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import type { ReadStore } from '../read-store/read-store.port';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { MongoReadStore } from '../read-store/mongodb/mongodb-read-store';
import type { EventBus } from '../bus/event-bus.port';
import { connectNats } from '../bus/connect-nats';
import { InProcessBroker } from '../bus/in-process-broker';
import { InProcessTransport } from '../bus/in-process-transport';
import { InProcessClientProxy } from '../bus/in-process-client-proxy';
import { NatsTransport } from '../bus/nats-transport';
import { NatsClientProxy } from '../bus/nats-client-proxy';
import { NatsLink } from '../bus/nats-link';
import type { BusClientProxy } from '../bus/bus-client-proxy';
import { StoreEventBus } from '../bus/store-event-bus';
import { SqliteCheckpointStore } from '../bus/sqlite-checkpoint-store';
import { SqliteDeadLetterSink } from '../bus/sqlite-dead-letter-sink';
import { JetStreamEventBus } from '../bus/jetstream-event-bus';
import { ensureEventStreams } from '../bus/ensure-event-streams';
import { resolveTopology, type JetStreamTopology } from '../bus/jetstream-topology';
import { checkBusPrefix, prefixTopology } from '../bus/deployment-prefix';
import { inboxPrefixOf } from '../bus/nats-permissions';
import { ReadinessRegistry } from '../health/readiness.registry';
import { jetStreamSource } from '../projection/jetstream-source';
import type { ProjectionSource } from '../projection/projection.port';
import { storeSource } from '../projection/store-source';
import { upcastingSource } from '../projection/upcasting-source';
import { createLogger, type Logger } from '../telemetry/create-logger';
import { createMetrics } from '../telemetry/metrics';
import { initTelemetry, type Telemetry } from '../telemetry/init-telemetry';
import type { PlatformConfig } from './platform-config.schema';

/** The JetStream streams and subjects of a deployment: the settings, under HOTLINE_BUS_PREFIX. */
export const busTopologyOf = (
  config: Pick<
    PlatformConfig,
    | 'HOTLINE_BUS_PREFIX'
    | 'HOTLINE_EVENTS_STREAM'
    | 'HOTLINE_DLQ_STREAM'
    | 'HOTLINE_EVENTS_SUBJECT_PREFIX'
    | 'HOTLINE_DLQ_SUBJECT_PREFIX'
  >,
): JetStreamTopology =>
  resolveTopology(
    prefixTopology(
      checkBusPrefix(config.HOTLINE_BUS_PREFIX),
      resolveTopology({
        eventsStream: config.HOTLINE_EVENTS_STREAM,
        dlqStream: config.HOTLINE_DLQ_STREAM,
        eventsSubjectPrefix: config.HOTLINE_EVENTS_SUBJECT_PREFIX,
        dlqSubjectPrefix: config.HOTLINE_DLQ_SUBJECT_PREFIX,
      }),
    ),
  );

export const systemClock: Clock = { now: () => new Date() };

export interface PlatformOptions {
  /** The time every service of the process reads. Default: the system clock. */
  clock?: Clock;
  /** The message definitions events are read by (their versions and upcasters). Default: the platform's. */
  registry?: MessageRegistry;
}

/**
 * The engines behind the ports for one process, chosen by the run mode. The embedded runner opens one
 * Platform for all its services; a distributed service opens its own. Service code only sees ports.
 */
export class Platform {
  readonly readiness = new ReadinessRegistry();
  /** Whether the NATS connection is up (distributed mode only). */
  readonly natsLink: NatsLink | undefined;

  private constructor(
    readonly serviceName: string,
    readonly config: PlatformConfig,
    readonly logger: Logger,
    readonly metrics: Registry,
    readonly telemetry: Telemetry,
    readonly eventStore: EventStore,
    readonly readStore: ReadStore,
    readonly eventBus: EventBus,
    /** The streams and subjects of the events, under the deployment's HOTLINE_BUS_PREFIX. */
    readonly topology: JetStreamTopology,
    private readonly nats: NatsConnection | undefined,
    private readonly broker: InProcessBroker | undefined,
    private readonly closers: Array<() => Promise<void> | void>,
    readonly clock: Clock,
    readonly registry: MessageRegistry,
  ) {
    this.natsLink = nats ? NatsLink.watch(nats) : undefined;
  }

  get mode(): PlatformConfig['HOTLINE_MODE'] {
    return this.config.HOTLINE_MODE;
  }

  /** The NATS connection (distributed mode only). */
  get natsConnection(): NatsConnection {
    if (!this.nats) throw new Error('no NATS connection in embedded mode');
    return this.nats;
  }

  static async open(
    serviceName: string,
    config: PlatformConfig,
    options: PlatformOptions = {},
  ): Promise<Platform> {
    const closers: Array<() => Promise<void> | void> = [];
    const logger = createLogger({ service: serviceName, level: config.LOG_LEVEL });
    const metrics = createMetrics(serviceName);
    const telemetry = initTelemetry({
      serviceName,
      ...(config.HOTLINE_TRACE_EXPORTER ? { exporter: config.HOTLINE_TRACE_EXPORTER } : {}),
      ...(config.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT } : {}),
    });
    closers.push(() => telemetry.shutdown());
    const topology = busTopologyOf(config);
    try {
      const eventStore = await openEventStore(serviceName, config);
      closers.unshift(() => eventStore.close());
      const readStore = await openReadStore(serviceName, config);
      closers.unshift(() => readStore.close());

      let nats: NatsConnection | undefined;
      let broker: InProcessBroker | undefined;
      let eventBus: EventBus;
      if (config.HOTLINE_MODE === 'distributed') {
        // Half a second between reconnect attempts: a returning server is in use again within ~0.5 s.
        nats = await connectNats({
          servers: config.NATS_URL,
          name: serviceName,
          reconnectTimeWaitMs: 500,
          ...(config.NATS_USER
            ? {
                user: config.NATS_USER,
                pass: config.NATS_PASSWORD,
                inboxPrefix: inboxPrefixOf(config.NATS_USER),
              }
            : {}),
          ...(config.NATS_TLS_CA ? { tlsCaFile: config.NATS_TLS_CA } : {}),
        });
        const connection = nats;
        closers.unshift(() => connection.drain());
        await ensureEventStreams(await jetstreamManager(connection), {
          topology,
          replicas: config.HOTLINE_STREAM_REPLICAS,
        });
        eventBus = new JetStreamEventBus({ connection, topology });
      } else {
        broker = new InProcessBroker();
        const path = sqlitePath(config);
        const checkpoints = SqliteCheckpointStore.open({ path });
        const deadLetters = SqliteDeadLetterSink.open({ path });
        eventBus = new StoreEventBus({ store: eventStore, checkpoints, deadLetters });
      }
      closers.unshift(() => eventBus.close());
      const platform = new Platform(
        serviceName,
        config,
        logger,
        metrics,
        telemetry,
        eventStore,
        readStore,
        eventBus,
        topology,
        nats,
        broker,
        closers,
        options.clock ?? systemClock,
        options.registry ?? platformRegistry(),
      );
      platform.registerEngineChecks();
      return platform;
    } catch (error) {
      for (const close of closers) await close();
      throw error;
    }
  }

  /**
   * Readiness covers every engine the service needs, so a load balancer stops sending requests
   * that could only fail: the event store, the read store and (distributed) the NATS connection.
   */
  private registerEngineChecks(): void {
    const { eventStore, readStore, natsLink } = this;
    this.readiness.register({
      name: 'event-store',
      check: async () => void (await eventStore.headPosition()),
    });
    // A lookup by `_id`: answered from the primary key by every read store.
    this.readiness.register({
      name: 'read-store',
      timeoutMs: 1_000,
      check: async () => void (await readStore.collection('_checkpoints').findOne({ _id: '_readiness' })),
    });
    if (natsLink) this.readiness.register({ name: 'nats', check: () => natsLink.check() });
  }

  /** The Nest transport that serves this service's `@MessagePattern` handlers. */
  transport(queue = this.serviceName): CustomTransportStrategy {
    const admission = {
      concurrent: this.config.HOTLINE_COMMANDS_CONCURRENT,
      queued: this.config.HOTLINE_COMMANDS_QUEUED,
    };
    if (this.broker) return new InProcessTransport({ broker: this.broker, queue, admission });
    return new NatsTransport({
      connection: this.natsConnection,
      queue,
      admission,
      subjectPrefix: checkBusPrefix(this.config.HOTLINE_BUS_PREFIX),
    });
  }

  /**
   * Where projections read events: the store itself when embedded; the JetStream events stream
   * (fed by the relay) when distributed. Either way at their current versions (upcast).
   */
  projectionSource(): ProjectionSource {
    const source = this.nats
      ? jetStreamSource({ connection: this.nats, topology: this.topology })
      : storeSource(this.eventStore);
    return upcastingSource(source, this.registry);
  }

  /** A client for commands and queries to other services. */
  client(): BusClientProxy {
    const timeoutMs = this.config.HOTLINE_REQUEST_TIMEOUT_MS;
    if (this.broker) return new InProcessClientProxy({ broker: this.broker, timeoutMs });
    return new NatsClientProxy({
      connection: this.natsConnection,
      timeoutMs,
      link: this.natsLink,
      subjectPrefix: checkBusPrefix(this.config.HOTLINE_BUS_PREFIX),
    });
  }

  /** Closes everything in reverse order of opening. */
  async close(): Promise<void> {
    this.readiness.markDraining();
    for (const close of this.closers.splice(0)) {
      try {
        await close();
      } catch (error) {
        this.logger.warn({ err: error }, 'error while closing the platform');
      }
    }
  }
}

const sqlitePath = (config: PlatformConfig): string =>
  resolve(config.EVENT_STORE_PATH ?? join(config.HOTLINE_DATA_DIR, 'events.db'));

async function openEventStore(serviceName: string, config: PlatformConfig): Promise<EventStore> {
  if (config.EVENT_STORE === 'kurrentdb') {
    if (!config.KURRENTDB_URL) {
      throw new ConfigError(serviceName, [
        { variable: 'KURRENTDB_URL', reason: 'is required when EVENT_STORE=kurrentdb' },
      ]);
    }
    // Loaded only when chosen: the embedded default never pulls in the gRPC client.
    const { KurrentDbEventStore } = await import('@hotline/infra/event-store/kurrentdb');
    return KurrentDbEventStore.connect(config.KURRENTDB_URL);
  }
  if (config.EVENT_STORE === 'postgres') {
    const { PostgresEventStore } = await import('@hotline/infra/event-store/postgres');
    try {
      return await PostgresEventStore.open({
        url: config.POSTGRES_URL,
        durability: config.EVENT_STORE_DURABILITY,
      });
    } catch (error) {
      throw new ConfigError(serviceName, [
        { variable: 'POSTGRES_URL', reason: `cannot be reached: ${(error as Error).message}` },
      ]);
    }
  }
  const path = sqlitePath(config);
  mkdirSync(dirname(path), { recursive: true });
  return SqliteEventStore.open({ path, durability: config.EVENT_STORE_DURABILITY });
}

async function openReadStore(serviceName: string, config: PlatformConfig): Promise<ReadStore> {
  const kind = config.READ_STORE ?? (config.HOTLINE_MODE === 'distributed' ? 'postgres' : 'sqlite');
  if (kind === 'memory') return SqliteReadStore.inMemory();
  if (kind === 'sqlite') {
    const path = resolve(config.READ_STORE_PATH ?? join(config.HOTLINE_DATA_DIR, 'read-models.db'));
    mkdirSync(dirname(path), { recursive: true });
    return SqliteReadStore.open({ path });
  }
  if (kind === 'postgres') {
    const { PostgresReadStore } = await import('@hotline/infra/read-store/postgres');
    try {
      return await PostgresReadStore.open({ url: config.POSTGRES_URL });
    } catch (error) {
      throw new ConfigError(serviceName, [
        { variable: 'POSTGRES_URL', reason: `cannot be reached: ${(error as Error).message}` },
      ]);
    }
  }
  try {
    return await MongoReadStore.connect(config.MONGODB_URL, config.MONGODB_DB);
  } catch (error) {
    throw new ConfigError(serviceName, [
      { variable: 'MONGODB_URL', reason: `cannot be reached: ${(error as Error).message}` },
    ]);
  }
}
