import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { z } from 'zod';
import { defineEvent, type RecordedEvent } from '@hotline/contracts';
import { connectNats } from '../bus/connect-nats';
import { ensureEventStreams } from '../bus/ensure-event-streams';
import { JetStreamEventBus } from '../bus/jetstream-event-bus';
import { JetStreamEventPublisher } from '../bus/jetstream-event-publisher';
import { isolatedTopology } from '../bus/testing/isolated-topology';
import { readJetStreamDeadLetters } from '../bus/read-jetstream-dead-letters';
import { handleCommand } from '../command/handle-command';
import { ledgerAggregate, ledgerCommands } from '../command/testing/ledger.decider';
import { SqliteEventStore } from '../event-store';
import { Reactor } from './reactor';

const servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const [Deposit] = ledgerCommands;

/** Another service's event the ledger reacts to: a promised payment becomes a deposit. */
const PaymentPromised = defineEvent({
  type: 'PaymentPromised',
  version: 1,
  category: 'promise',
  summary: 'A payment was promised.',
  schema: z.object({ ledgerId: z.string(), amount: z.number().int().positive() }),
});

const promised = (data: unknown, position: number): RecordedEvent => ({
  id: randomUUID(),
  type: PaymentPromised.type,
  version: 1,
  streamId: `promise-${position}`,
  revision: 0,
  position,
  time: '2025-03-03T08:30:00.000Z',
  data,
  metadata: {
    correlationId: `corr-${position}`,
    causationId: `cause-${position}`,
    actor: { id: 'agent-7', role: 'agent' },
    districtId: 'east',
  },
});

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('Reactor on JetStream', () => {
  const run = randomUUID().replaceAll('-', '').slice(0, 12);
  const topology = isolatedTopology(run);
  let connection: NatsConnection;
  let bus: JetStreamEventBus;
  let publisher: JetStreamEventPublisher;
  let store: SqliteEventStore;
  let reactor: Reactor;
  /** Every delivery the reactor handled, and whether the next one should fail after its command. */
  const handled: Array<{ ledgerId: string }> = [];
  const failOnce = new Set<string>();

  beforeAll(async () => {
    connection = await connectNats({ servers, name: `reactor-${run}` });
    await ensureEventStreams(await jetstreamManager(connection), { topology });
    publisher = new JetStreamEventPublisher({ connection, topology });
    bus = new JetStreamEventBus({ connection, topology, retryBackoff: { initialMs: 50, maxMs: 200 } });
    store = SqliteEventStore.open({ path: ':memory:', durability: 'normal' });
    const deps = { store, clock: { now: () => new Date('2025-03-03T08:30:00.000Z') } };
    reactor = new Reactor(bus, {
      name: `ledger-payments-${run}`,
      events: [PaymentPromised],
      maxDeliveries: 3,
      react: async ({ event, command }) => {
        const { ledgerId, amount } = event.data as { ledgerId: string; amount: number };
        handled.push({ ledgerId });
        await handleCommand(deps, {
          aggregate: ledgerAggregate,
          id: ledgerId,
          command: command(Deposit, 'deposit', { amount }),
          context: { overdraftLimit: 0 },
        });
        // The crash between the command and the acknowledgement: the event comes back.
        if (failOnce.delete(ledgerId)) throw new Error('lost the acknowledgement');
      },
    });
    await reactor.start();
  });

  afterAll(async () => {
    await reactor.stop();
    await bus.close();
    const jsm = await jetstreamManager(connection);
    await jsm.streams.delete(topology.eventsStream);
    await jsm.streams.delete(topology.dlqStream);
    await connection.drain();
    await store.close();
  });

  it('applies a redelivered event once: the same command id is answered, not appended again', async () => {
    failOnce.add('l-redelivered');
    await publisher.publish([promised({ ledgerId: 'l-redelivered', amount: 5 }, 1)]);
    await until(
      async () => (handled.filter((h) => h.ledgerId === 'l-redelivered').length >= 2 ? true : undefined),
      'the redelivery',
    );
    const events = await store.readStream('ledger-l-redelivered');
    expect(events.map((e) => e.type)).toEqual(['LedgerOpened', 'Deposited']);
    expect(events[1]?.metadata.causationId).toBeDefined();
  });

  it('sends a malformed event to the dead-letter path at once, naming the field, and applies nothing', async () => {
    await publisher.publish([promised({ ledgerId: 'l-poison', amount: 'lots' }, 2)]);
    const letters = await until(async () => {
      const found = await readJetStreamDeadLetters(connection, `ledger-payments-${run}`, topology);
      return found.length > 0 ? found : undefined;
    }, 'the dead letter');
    expect(letters[0]?.reason).toMatch(/data\.amount/);
    expect(letters[0]?.deliveryCount).toBe(1);
    expect(handled.some((h) => h.ledgerId === 'l-poison')).toBe(false);
    expect(await store.readStreamOrEmpty('ledger-l-poison')).toEqual([]);
  });
});
