import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
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
import { isolatedDistributedEnv } from '@hotline/workflow/testing';
import type { BenchContext } from './bench-kit';

const freePort = async (): Promise<number> => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
};

/**
 * The workflow service as its own process on the same store file, as the distributed runner starts
 * it; `ready()` waits for its health check, which needs the relay running (its read models read
 * JetStream).
 */
async function startWorkflowProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; ready(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(__dirname, '../services/workflow/src/main.ts')],
    {
      env: { ...process.env, ...env, HTTP_PORT: String(port), HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'error' },
      stdio: 'inherit',
    },
  );
  const ready = async () => {
    for (let attempt = 0; ; attempt++) {
      const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      if (attempt > 600 || child.exitCode !== null) {
        child.kill('SIGTERM');
        throw new Error(`the workflow process did not get ready (exit code ${child.exitCode ?? 'none'})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { child, ready };
}

/**
 * Intake and the workflow on the distributed adapters, as the distributed runner deploys them:
 * the workflow in a process of its own (BENCH_INTAKE_WORKFLOW=inline mounts it in this one),
 * both on the same SQLite file with full durability, commands and queries over NATS request/reply,
 * a relay publishing every event to JetStream (streams and subjects of this run's own) from which
 * the projections and the duplicate index read, and the read models in FerretDB
 * (BENCH_INTAKE_READ_STORE=memory keeps them in memory). `close()` deletes the streams and the
 * database.
 */
export async function startDistributedIntake(
  context: BenchContext,
  intake: ServiceDefinition,
): Promise<{ platform: Platform; running: RunningServices; close(): Promise<void> }> {
  const readStore = process.env.BENCH_INTAKE_READ_STORE ?? (context.mongoUrl ? 'mongodb' : 'memory');
  const isolated = await isolatedDistributedEnv(context.tmpDir);
  const env: Record<string, string> = {
    ...isolated.env,
    NATS_URL: context.natsUrl,
    HOTLINE_DATA_DIR: context.tmpDir,
    EVENT_STORE_DURABILITY: 'full',
    READ_STORE: readStore,
    ...(context.mongoUrl ? { MONGODB_URL: context.mongoUrl } : {}),
    LOG_LEVEL: 'error',
    HOTLINE_TRACE_EXPORTER: 'none',
    HOTLINE_REQUEST_TIMEOUT_MS: '60000',
  };
  const inline = process.env.BENCH_INTAKE_WORKFLOW === 'inline';
  const workflow = inline ? undefined : await startWorkflowProcess(env);
  const stopWorkflow = async () => {
    if (!workflow || workflow.child.exitCode !== null) return;
    workflow.child.kill('SIGTERM');
    await once(workflow.child, 'exit');
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
  await workflow?.ready().catch(async (error: unknown) => {
    await relay.stop();
    await stopWorkflow();
    throw error;
  });
  const running = await startServices(platform, inline ? [workflowService, intake] : [intake], {
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
      await stopWorkflow();
      if (readStore === 'mongodb' && env.MONGODB_URL) {
        const store = await MongoReadStore.connect(env.MONGODB_URL, env.MONGODB_DB ?? '');
        await store.dropDatabase();
        await store.close();
      }
      await isolated.readModels.drop();
      const cleanup = await connect({ servers: context.natsUrl });
      const manager = await jetstreamManager(cleanup);
      await manager.streams.delete(env.HOTLINE_EVENTS_STREAM ?? '').catch(() => undefined);
      await manager.streams.delete(env.HOTLINE_DLQ_STREAM ?? '').catch(() => undefined);
      await cleanup.close();
    },
  };
}
