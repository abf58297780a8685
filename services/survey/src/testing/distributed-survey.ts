import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SURVEY_SERVICE,
  commandSubject,
  querySubject,
  type Actor,
  type CommandEnvelope,
} from '@hotline/contracts';
import { jetstreamManager } from '@nats-io/jetstream';
import { BusRecord, JetStreamEventPublisher, messageHeaders } from '@hotline/infra/bus';
import { isolatedStreamSettings, privateNats } from '@hotline/infra/bus/testing';
import { loadConfig, type Env } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices } from '@hotline/infra/platform';
import { Relay, lastPublishedPosition } from '@hotline/infra/relay';
import { firstValueFrom } from 'rxjs';
import { createSurveyService } from '../survey.module';

export type Body = Record<string, unknown>;

/**
 * The survey service in this process on the distributed adapters (a NATS of its own, the SQLite event
 * store and read models) with a relay feeding JetStream, and a client that talks to it over NATS.
 * `close()` stops everything and removes what it made.
 */
export async function startDistributedSurvey(surveyEnv: Env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-survey-int-'));
  const nats = await privateNats(dir);
  const tag = randomUUID().replace(/-/g, '').slice(0, 10);
  const env: Record<string, string> = {
    HOTLINE_MODE: 'distributed',
    NATS_URL: nats.url,
    HOTLINE_DATA_DIR: dir,
    EVENT_STORE: 'sqlite',
    EVENT_STORE_DURABILITY: 'normal',
    READ_STORE: 'sqlite',
    ...isolatedStreamSettings('SVT', tag),
    HTTP_PORT: '0',
    HTTP_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    HOTLINE_TRACE_EXPORTER: 'none',
  };
  const platform = await Platform.open('survey', loadConfig(platformConfigSchema, env, 'survey'));
  const jsm = await jetstreamManager(platform.natsConnection);
  const publisher = new JetStreamEventPublisher({
    connection: platform.natsConnection,
    topology: platform.topology,
  });
  const relay = new Relay({
    store: platform.eventStore,
    publisher,
    resumePosition: () => lastPublishedPosition(jsm, platform.topology.eventsStream),
  });
  await relay.start();
  const service = createSurveyService({ env: { SURVEY_DUE_RUNNER: 'false', ...surveyEnv } });
  const running = await startServices(platform, [service], {
    port: 0,
    host: '127.0.0.1',
    handleSignals: false,
  });
  const client = platform.client();

  /** Sends a command as `actor`; the command id is the caller's (a repeat is the same command). */
  const command = (
    type: string,
    data: unknown,
    actor: Actor,
    commandId: string = randomUUID(),
    districtId = 'city',
  ): Promise<Body> => {
    const metadata = { correlationId: commandId, actor, districtId };
    const envelope: CommandEnvelope = { commandId, type, data, metadata };
    return firstValueFrom<Body>(
      client.send(commandSubject(SURVEY_SERVICE, type), new BusRecord(envelope, messageHeaders(metadata))),
    );
  };
  const query = <T = Body>(type: string, params: Body, actor: Actor, districtId = 'city'): Promise<T> =>
    firstValueFrom<T>(
      client.send(querySubject(SURVEY_SERVICE, type), { viewer: { actor, districtId }, ...params }),
    );

  return {
    platform,
    url: running.url,
    command,
    query,
    async close(): Promise<void> {
      await relay.stop();
      await publisher.close();
      await running.close();
      await nats.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type DistributedSurvey = Awaited<ReturnType<typeof startDistributedSurvey>>;

/** A refusal as the bus answers it (the error's body), or undefined when it was accepted. */
export const refusal = (promise: Promise<unknown>): Promise<Body | undefined> =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Body,
  );
