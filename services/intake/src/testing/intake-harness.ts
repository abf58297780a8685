import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import {
  INTAKE_SERVICE,
  commandSubject,
  querySubject,
  type Actor,
  type ContactView,
} from '@hotline/contracts';
import { JetStreamEventPublisher } from '@hotline/infra/bus';
import { isolatedStreamSettings } from '@hotline/infra/bus/testing';
import { loadConfig } from '@hotline/infra/config';
import {
  Platform,
  platformConfigSchema,
  startServices,
  type RunningServices,
  type ServiceDefinition,
} from '@hotline/infra/platform';
import { Relay, lastPublishedPosition } from '@hotline/infra/relay';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { IntakeChannels } from '../channels/intake-channels';
import { intakeConfigSchema } from '../intake.config';
import { createIntakeService } from '../intake.module';
import { WorkflowStandIn } from './workflow-stand-in';

export interface IntakeHarnessOptions {
  mode: 'embedded' | 'distributed';
  /** Intake settings as environment strings (ports "0", tokens …). */
  intakeEnv?: Record<string, string>;
  /** Mount these services too; with `realWorkflow`, intake talks to them instead of the stand-in. */
  services?: ServiceDefinition[];
  realWorkflow?: boolean;
}

export interface IntakeHarness {
  platform: Platform;
  running: RunningServices;
  client: ClientProxy;
  standIn: WorkflowStandIn | undefined;
  channels: IntakeChannels;
  command<T = unknown>(type: string, data: unknown, actor?: Actor, commandId?: string): Promise<T>;
  query<T = unknown>(type: string, params: Record<string, unknown>, actor?: Actor): Promise<T>;
  /**
   * A contact that a channel recorded, once the contact log has it (channels answer before it does) and,
   * given `until`, once the log shows what the test waits for (a reply is recorded after it is sent).
   */
  contactView(contactId: string, until?: (view: ContactView) => boolean): Promise<ContactView>;
  close(): Promise<void>;
}

export const AGENT: Actor = { id: 'agent-7', role: 'agent' };
export const CENTER: Actor = { id: 'center-1', role: 'center' };

/**
 * The intake service started for a test, on a fresh SQLite file and an in-memory read store:
 * embedded (in-process bus) or distributed (NATS, with JetStream streams of its own that are
 * deleted at the end). Commands and queries go through the platform's bus client, as the gateway's do.
 */
export async function startIntakeHarness(options: IntakeHarnessOptions): Promise<IntakeHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-intake-'));
  const tag = randomBytes(5).toString('hex');
  const config = loadConfig(
    platformConfigSchema,
    {
      HOTLINE_MODE: options.mode,
      NATS_URL: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
      HOTLINE_DATA_DIR: dir,
      EVENT_STORE_PATH: join(dir, 'events.db'),
      EVENT_STORE_DURABILITY: 'normal',
      READ_STORE: 'memory',
      LOG_LEVEL: 'silent',
      HOTLINE_TRACE_EXPORTER: 'none',
      ...isolatedStreamSettings('INTAKE', tag),
    },
    'intake-test',
  );
  const platform = await Platform.open('intake', config);
  // Distributed projections read JetStream: a relay of the test's own carries the store's events there.
  const relay =
    options.mode === 'distributed' ? await startRelay(platform, config.HOTLINE_EVENTS_STREAM) : undefined;
  const standIn = options.realWorkflow ? undefined : new WorkflowStandIn(platform.eventStore, platform.clock);
  const intakeConfig = loadConfig(
    intakeConfigSchema,
    { INTAKE_SEED_KNOWLEDGE: 'true', ...options.intakeEnv },
    'intake-test',
  );
  const intake = createIntakeService({ config: intakeConfig, ...(standIn ? { caseDesk: standIn } : {}) });
  const running = await startServices(platform, [...(options.services ?? []), intake], {
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  const client = platform.client();
  const send = <T>(subject: string, payload: unknown) => firstValueFrom(client.send<T>(subject, payload));
  return {
    platform,
    running,
    client,
    standIn,
    channels: running.app.get(IntakeChannels),
    command: (type, data, actor = AGENT, commandId = randomUUID()) =>
      send(commandSubject(INTAKE_SERVICE, type), {
        commandId,
        type,
        data,
        metadata: { correlationId: commandId, actor, districtId: 'gulou' },
      }),
    query: (type, params, actor = AGENT) =>
      send(querySubject(INTAKE_SERVICE, type), { viewer: { actor, districtId: 'gulou' }, ...params }),
    async contactView(contactId, until) {
      const viewer = { actor: AGENT, districtId: 'city' };
      for (let attempt = 0; ; attempt++) {
        try {
          const view = await send<ContactView>(querySubject(INTAKE_SERVICE, 'GetContact'), {
            viewer,
            contactId,
          });
          // After ~10 s the view is returned as it is, for the test's own assertion to show it.
          if (!until || until(view) || attempt >= 1000) return view;
        } catch (error) {
          if (attempt >= 1000 || (error as { kind?: string }).kind !== 'not-found') throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async close() {
      await client.close();
      await relay?.stop();
      if (options.mode === 'distributed') {
        const jsm = await jetstreamManager(platform.natsConnection);
        await jsm.streams.delete(`INTAKE_${tag}`).catch(() => undefined);
        await jsm.streams.delete(`INTAKE_DLQ_${tag}`).catch(() => undefined);
      }
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startRelay(platform: Platform, stream: string): Promise<{ stop(): Promise<void> }> {
  const connection = platform.natsConnection;
  const jsm = await jetstreamManager(connection);
  const publisher = new JetStreamEventPublisher({ connection, topology: platform.topology });
  const relay = new Relay({
    store: platform.eventStore,
    publisher,
    resumePosition: () => lastPublishedPosition(jsm, stream),
  });
  await relay.start();
  return {
    async stop() {
      await relay.stop();
      await publisher.close();
    },
  };
}
