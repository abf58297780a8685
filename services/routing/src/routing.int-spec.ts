import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROUTING_SERVICE, querySubject } from '@hotline/contracts';
import { privateNats, type PrivateNats } from '@hotline/infra/bus/testing';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { agentProfile, queueConfig } from './testing/router-fixtures';
import {
  checkStoredRouter,
  openRoutingInstances,
  routerCommandSender,
  type RoutingInstance,
} from './testing/routing-instances';

const AGENTS = 10;
const CONTACTS = 80;

describe('two routing service instances on real NATS and PostgreSQL', () => {
  let dir: string;
  let nats: PrivateNats;
  let database: TemporaryDatabase;
  let instances: RoutingInstance[] = [];
  const { command, tolerant, session } = routerCommandSender(`routing-int-${process.pid}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-routing-int-'));
    nats = await privateNats(dir);
    database = await createTemporaryDatabase('routing');
    instances = await openRoutingInstances({ natsUrl: nats.url, databaseUrl: database.url, dataDir: dir });
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.running.close();
    instances = [];
    await nats?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queues, offers, answers and ends contacts through both with no double offer', async () => {
    const [a, b] = instances as [RoutingInstance, RoutingInstance];
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
    for (let round = 0; round < 400; round++) {
      const board = await a.send<Board>(querySubject(ROUTING_SERVICE, 'GetQueueBoard'), {});
      const busy = board.agents.filter((agent) => agent.state === 'reserved' || agent.state === 'on-contact');
      if (busy.length === 0 && board.queues.every((queue) => queue.waiting === 0)) break;
      await Promise.all(
        busy.map(async (agent, i) => {
          const via = (i + round) % 2 === 0 ? a : b;
          const held = await session(via, agent.agentId);
          if (held.offer) {
            await tolerant(via, {
              type: 'AcceptOffer',
              data: { agentId: agent.agentId, contactId: held.offer.contactId },
            });
          }
          for (const contact of held.contacts) {
            await tolerant(via, {
              type: 'EndContact',
              data: { agentId: agent.agentId, contactId: contact.contactId },
            });
          }
        }),
      );
    }
    const { broken, counts } = await checkStoredRouter(a);
    expect(broken).toEqual([]);
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
    const [a] = instances as [RoutingInstance];
    await expect(command(a, { type: 'LogInAgent', data: { agentId: 'nobody' } })).rejects.toMatchObject({
      kind: 'rule',
      code: 'ROUTER_UNKNOWN_AGENT',
    });
  });
});
