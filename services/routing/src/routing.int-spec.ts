import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ROUTING_SERVICE,
  commandSubject,
  querySubject,
  systemActor,
  type RouterCommand,
  type RouterEvent,
} from '@hotline/contracts';
import { privateNats, type PrivateNats } from '@hotline/infra/bus/testing';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices, type RunningServices } from '@hotline/infra/platform';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { firstValueFrom } from 'rxjs';
import { createRoutingService } from './routing.module';
import { agentProfile, queueConfig } from './testing/router-fixtures';
import { EventModel } from './testing/router-invariants';

const AGENTS = 10;
const CONTACTS = 80;
let sequence = 0;

interface Instance {
  platform: Platform;
  running: RunningServices;
  send<T = unknown>(subject: string, payload: unknown): Promise<T>;
}

describe('two routing service instances on real NATS and PostgreSQL', () => {
  let dir: string;
  let nats: PrivateNats;
  let database: TemporaryDatabase;
  let instances: Instance[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-routing-int-'));
    nats = await privateNats(dir);
    database = await createTemporaryDatabase('routing');
    const env = {
      HOTLINE_MODE: 'distributed',
      NATS_URL: nats.url,
      EVENT_STORE: 'postgres',
      POSTGRES_URL: database.url,
      READ_STORE: 'memory',
      HOTLINE_DATA_DIR: dir,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
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
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.running.close();
    instances = [];
    await nats?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const command = (instance: Instance, body: RouterCommand) => {
    const commandId = `routing-int-${process.pid}-${sequence++}`;
    return instance.send(commandSubject(ROUTING_SERVICE, body.type), {
      commandId,
      type: body.type,
      data: body.data,
      metadata: { correlationId: commandId, actor: systemActor('routing-int'), districtId: 'city' },
    });
  };
  const tolerant = async (instance: Instance, body: RouterCommand): Promise<void> => {
    try {
      await command(instance, body);
    } catch (error) {
      // Answered or ended through the other instance first: a rule refusal, nothing stored.
      if ((error as { kind?: string }).kind !== 'rule') throw error;
    }
  };

  it('queues, offers, answers and ends contacts through both with no double offer', async () => {
    const [a, b] = instances as [Instance, Instance];
    await command(a, { type: 'DefineQueue', data: queueConfig({ offerTimeoutSeconds: 60 }) });
    for (let i = 0; i < AGENTS; i++) {
      const agentId = `agent-${i}`;
      const via = i % 2 === 0 ? a : b;
      await command(via, { type: 'SetAgentProfile', data: agentProfile(agentId) });
      await command(via, { type: 'LogInAgent', data: { agentId } });
      await command(via, { type: 'MakeAgentReady', data: { agentId } });
    }
    await Promise.all(
      Array.from({ length: CONTACTS }, (_, i) =>
        command(i % 2 === 0 ? a : b, {
          type: 'QueueContact',
          data: {
            contactId: `contact-${i}`,
            queueId: 'general',
            channel: 'voice',
            urgent: false,
            requiredSkills: [],
          },
        }),
      ),
    );
    type Board = { queues: Array<{ waiting: number }>; agents: Array<{ agentId: string; state: string }> };
    type Session = { offer: { contactId: string } | null; contacts: Array<{ contactId: string }> };
    for (let round = 0; round < 400; round++) {
      const board = await a.send<Board>(querySubject(ROUTING_SERVICE, 'GetQueueBoard'), {});
      const busy = board.agents.filter((agent) => agent.state === 'reserved' || agent.state === 'on-contact');
      if (busy.length === 0 && board.queues.every((queue) => queue.waiting === 0)) break;
      await Promise.all(
        busy.map(async (agent, i) => {
          const via = (i + round) % 2 === 0 ? a : b;
          const session = await via.send<Session>(querySubject(ROUTING_SERVICE, 'GetAgentSession'), {
            agentId: agent.agentId,
          });
          if (session.offer) {
            await tolerant(via, {
              type: 'AcceptOffer',
              data: { agentId: agent.agentId, contactId: session.offer.contactId },
            });
          }
          for (const held of session.contacts) {
            await tolerant(via, {
              type: 'EndContact',
              data: { agentId: agent.agentId, contactId: held.contactId },
            });
          }
        }),
      );
    }
    const stored = await a.platform.eventStore.readStream('router-city');
    const model = new EventModel();
    const counts = new Map<string, number>();
    for (const event of stored) {
      model.apply({ type: event.type, data: event.data } as RouterEvent, () => 0);
      counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    }
    expect(model.broken).toEqual([]);
    expect(counts.get('OfferAccepted')).toBe(CONTACTS);
    expect(counts.get('ContactEnded')).toBe(CONTACTS);

    const now = new Date();
    const figures = await b.send<Array<{ offered: number; answered: number }>>(
      querySubject(ROUTING_SERVICE, 'GetQueueStatistics'),
      {
        from: new Date(now.getTime() - 3_600_000).toISOString(),
        to: new Date(now.getTime() + 60_000).toISOString(),
        intervalMinutes: 30,
      },
    );
    expect(figures.reduce((sum, f) => sum + f.answered, 0)).toBe(CONTACTS);
  }, 120_000);

  it('answers a bad command with the field named, over the bus', async () => {
    const [a] = instances as [Instance];
    await expect(command(a, { type: 'LogInAgent', data: { agentId: 'nobody' } })).rejects.toMatchObject({
      kind: 'rule',
      code: 'ROUTER_UNKNOWN_AGENT',
    });
  });
});
