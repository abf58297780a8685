import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { JetStreamEventPublisher } from '@hotline/infra/bus';
import { loadConfig } from '@hotline/infra/config';
import {
  Platform,
  platformConfigSchema,
  startServices,
  type RunningServices,
  type ServiceDefinition,
} from '@hotline/infra/platform';
import { MongoReadStore } from '@hotline/infra/read-store';
import { Relay, lastPublishedPosition } from '@hotline/infra/relay';
import { workflowService } from '@hotline/workflow';
import { isolatedDistributedEnv } from '@hotline/workflow/src/testing/distributed-workflow';
import type { BenchContext } from './bench-kit';

/**
 * Intake and the workflow on the distributed adapters, as the distributed runner deploys them:
 * commands and queries over NATS request/reply, the SQLite store with full durability, a relay
 * publishing every event to JetStream (streams and subjects of this run's own) from which the
 * projections and the duplicate index read, and the read models in FerretDB (BENCH_INTAKE_READ_STORE
 * =memory keeps them in memory). `close()` deletes the streams and the database.
 */
export async function startDistributedIntake(
  context: BenchContext,
  intake: ServiceDefinition,
): Promise<{ platform: Platform; running: RunningServices; close(): Promise<void> }> {
  const readStore = process.env.BENCH_INTAKE_READ_STORE ?? (context.mongoUrl ? 'mongodb' : 'memory');
  const env: Record<string, string> = {
    ...isolatedDistributedEnv(context.tmpDir),
    NATS_URL: context.natsUrl,
    HOTLINE_DATA_DIR: context.tmpDir,
    EVENT_STORE_DURABILITY: 'full',
    READ_STORE: readStore,
    ...(context.mongoUrl ? { MONGODB_URL: context.mongoUrl } : {}),
    LOG_LEVEL: 'error',
    HOTLINE_TRACE_EXPORTER: 'none',
    HOTLINE_REQUEST_TIMEOUT_MS: '60000',
  };
  const platform = await Platform.open('hotline', loadConfig(platformConfigSchema, env, 'intake-bench'));
  const jsm = await jetstreamManager(platform.natsConnection);
  const publisher = new JetStreamEventPublisher({
    connection: platform.natsConnection,
    topology: platform.topology,
  });
  const relay = new Relay({
    store: platform.eventStore,
    publisher,
    resumePosition: () => lastPublishedPosition(jsm, env.HOTLINE_EVENTS_STREAM ?? ''),
  });
  await relay.start();
  const running = await startServices(platform, [workflowService, intake], {
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  return {
    platform,
    running,
    async close() {
      await relay.stop();
      await publisher.close();
      await running.close();
      if (readStore === 'mongodb' && env.MONGODB_URL) {
        const store = await MongoReadStore.connect(env.MONGODB_URL, env.MONGODB_DB ?? '');
        await store.dropDatabase();
        await store.close();
      }
      const cleanup = await connect({ servers: context.natsUrl });
      const manager = await jetstreamManager(cleanup);
      await manager.streams.delete(env.HOTLINE_EVENTS_STREAM ?? '').catch(() => undefined);
      await manager.streams.delete(env.HOTLINE_DLQ_STREAM ?? '').catch(() => undefined);
      await cleanup.close();
    },
  };
}
