import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RuleViolation, type CommandEnvelope } from '@hotline/contracts';
import { SqliteEventStore, WrongExpectedVersion } from '../event-store';
import { commandMetrics, createMetrics, initTelemetry, withSpan, type Telemetry } from '../telemetry';
import { handleCommand, type CommandHandlerDeps } from './handle-command';
import { RacingEventStore } from './testing/racing-event-store';
import { ledgerAggregate, type LedgerCommand } from './testing/ledger.decider';

const NOW = new Date('2025-03-03T08:30:00.000Z');
const REMOTE_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';

let seq = 0;
const uniqueStream = (): string => `ledger-${process.pid}-${Date.now()}-${++seq}`;
const idOf = (streamId: string): string => streamId.slice('ledger-'.length);

const envelope = (
  command: LedgerCommand | { type: string; data: unknown },
  overrides: Partial<CommandEnvelope> = {},
): CommandEnvelope => ({
  commandId: `cmd-${++seq}`,
  type: command.type,
  data: command.data,
  metadata: {
    correlationId: 'corr-1',
    actor: { id: 'agent-7', role: 'agent' },
    districtId: 'east',
  },
  ...overrides,
});

describe('handleCommand on the SQLite event store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let telemetry: Telemetry;
  let deps: CommandHandlerDeps;
  const metrics = commandMetrics(createMetrics('command-spec', { defaultMetrics: false }));

  beforeAll(() => {
    telemetry = initTelemetry({ serviceName: 'command-spec', exporter: 'memory' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-command-'));
    store = SqliteEventStore.open({ path: path.join(dir, 'events.db'), durability: 'normal' });
    deps = { store, clock: { now: () => NOW }, metrics };
  });
  afterAll(async () => {
    await store.close();
    await telemetry.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => telemetry.memoryExporter?.reset());

  const handle = (streamId: string, command: CommandEnvelope, over: Partial<CommandHandlerDeps> = {}) =>
    handleCommand(
      { ...deps, ...over },
      { aggregate: ledgerAggregate, id: idOf(streamId), command, context: { overdraftLimit: 0 } },
    );
  const counted = async (type: string, outcome: string): Promise<number> =>
    (await metrics.total.get()).values.find((v) => v.labels.type === type && v.labels.outcome === outcome)
      ?.value ?? 0;

  it('appends the decided events with ids, versions, time and metadata from the command', async () => {
    const streamId = uniqueStream();
    const command = envelope({ type: 'Deposit', data: { amount: 50 } });
    const result = await handle(streamId, command);

    const stored = await store.readStream(streamId);
    expect(stored.map((e) => e.type)).toEqual(['LedgerOpened', 'Deposited']);
    expect(result).toEqual({
      streamId,
      events: stored.map((e) => ({ id: e.id, type: e.type, version: e.version, revision: e.revision })),
      nextExpectedRevision: 1,
      position: stored[1]?.position,
      idempotent: false,
    });
    for (const event of stored) {
      expect(event.time).toBe(NOW.toISOString());
      expect(event.metadata).toMatchObject({
        commandId: command.commandId,
        causationId: command.commandId,
        correlationId: 'corr-1',
        actor: { id: 'agent-7', role: 'agent' },
        districtId: 'east',
      });
    }
    expect(stored[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stored[0]?.id).not.toBe(stored[1]?.id);
  });

  it('passes the injected context and the actor to decide', async () => {
    const streamId = uniqueStream();
    await handle(streamId, envelope({ type: 'Deposit', data: { amount: 10 } }));
    const overdrawn = envelope({ type: 'Withdraw', data: { amount: 30 } });
    await handleCommand(deps, {
      aggregate: ledgerAggregate,
      id: idOf(streamId),
      command: overdrawn,
      context: { overdraftLimit: 25 },
    });
    const [, , withdrawn] = await store.readStream(streamId);
    expect(withdrawn).toMatchObject({ type: 'Withdrawn', version: 2, data: { amount: 30, by: 'agent-7' } });
  });

  it('returns the first result for a repeated command id without deciding or appending again', async () => {
    const streamId = uniqueStream();
    const command = envelope({ type: 'Deposit', data: { amount: 5 } });
    const first = await handle(streamId, command);
    await handle(streamId, envelope({ type: 'Deposit', data: { amount: 7 } }));
    const before = await counted('Deposit', 'idempotent');

    const repeat = await handle(streamId, command);

    expect(repeat).toEqual({ ...first, idempotent: true });
    expect((await store.readStream(streamId)).length).toBe(3);
    expect(await counted('Deposit', 'idempotent')).toBe(before + 1);
  });

  it('answers a racing duplicate of one command with the same events, stored once', async () => {
    const streamId = uniqueStream();
    const command = envelope({ type: 'Deposit', data: { amount: 9 } });
    const [a, b] = await Promise.all([handle(streamId, command), handle(streamId, command)]);
    expect(a.events).toEqual(b.events);
    expect(a.nextExpectedRevision).toBe(b.nextExpectedRevision);
    expect((await store.readStream(streamId)).length).toBe(2);
  });

  it('appends nothing when decide returns no events, and a repeat is still a no-op', async () => {
    const streamId = uniqueStream();
    const touch = envelope({ type: 'Touch', data: {} });
    expect(await handle(streamId, touch)).toEqual({
      streamId,
      events: [],
      nextExpectedRevision: 'noStream',
      position: 0,
      idempotent: false,
    });
    await handle(streamId, envelope({ type: 'Deposit', data: { amount: 1 } }));
    const again = await handle(streamId, touch);
    expect(again).toMatchObject({ events: [], nextExpectedRevision: 1, idempotent: false });
    expect((await store.readStream(streamId)).length).toBe(2);
  });

  it('surfaces a rule violation and appends nothing', async () => {
    const streamId = uniqueStream();
    await handle(streamId, envelope({ type: 'Deposit', data: { amount: 10 } }));
    const before = await counted('Withdraw', 'rule');
    await expect(
      handle(streamId, envelope({ type: 'Withdraw', data: { amount: 11 } })),
    ).rejects.toBeInstanceOf(RuleViolation);
    expect((await store.readStream(streamId)).length).toBe(2);
    expect(await counted('Withdraw', 'rule')).toBe(before + 1);
  });

  it('lets compatible concurrent commands on one stream all succeed', async () => {
    const streamId = uniqueStream();
    await handle(streamId, envelope({ type: 'Deposit', data: { amount: 1 } }));
    const results = await Promise.all(
      [2, 3, 4].map((amount) => handle(streamId, envelope({ type: 'Deposit', data: { amount } }))),
    );
    const stored = await store.readStream(streamId);
    expect(
      stored
        .filter((e) => e.type === 'Deposited')
        .map((e) => (e.data as { amount: number }).amount)
        .sort(),
    ).toEqual([1, 2, 3, 4]);
    expect(new Set(results.map((r) => r.nextExpectedRevision)).size).toBe(3);
  });

  it('lets only one of two concurrent withdrawals that the balance covers once succeed', async () => {
    const streamId = uniqueStream();
    await handle(streamId, envelope({ type: 'Deposit', data: { amount: 100 } }));
    const outcomes = await Promise.allSettled(
      [70, 70].map((amount) => handle(streamId, envelope({ type: 'Withdraw', data: { amount } }))),
    );
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ kind: 'rule', code: 'INSUFFICIENT_FUNDS' });
    expect((await store.readStream(streamId)).filter((e) => e.type === 'Withdrawn')).toHaveLength(1);
  });

  it('retries from the load after concurrent writes, up to success', async () => {
    const streamId = uniqueStream();
    await handle(streamId, envelope({ type: 'Deposit', data: { amount: 10 } }));
    const racing = new RacingEventStore(store, 2);
    const retriesBefore =
      (await metrics.conflictRetries.get()).values.find((v) => v.labels.type === 'Withdraw')?.value ?? 0;
    const result = await handle(streamId, envelope({ type: 'Withdraw', data: { amount: 10 } }), {
      store: racing,
    });
    expect(racing.reads).toBe(3);
    // After the two racing deposits at revisions 2 and 3.
    expect(result.nextExpectedRevision).toBe(4);
    expect(result.events).toEqual([expect.objectContaining({ type: 'Withdrawn', revision: 4 })]);
    const retriesAfter =
      (await metrics.conflictRetries.get()).values.find((v) => v.labels.type === 'Withdraw')?.value ?? 0;
    expect(retriesAfter - retriesBefore).toBe(2);
  });

  it('decides again on the state the concurrent write left, which may refuse the command', async () => {
    const streamId = uniqueStream();
    await handle(streamId, envelope({ type: 'Deposit', data: { amount: 10 } }));
    const racing = new RacingEventStore(store, 1, { type: 'Withdrawn', data: { amount: 5, by: 'racer' } });
    await expect(
      handle(streamId, envelope({ type: 'Withdraw', data: { amount: 8 } }), { store: racing }),
    ).rejects.toMatchObject({
      code: 'INSUFFICIENT_FUNDS',
      details: { balance: 5 },
    });
    expect(racing.reads).toBe(2);
  });

  it('gives up after the bounded number of attempts and surfaces the conflict', async () => {
    const streamId = uniqueStream();
    await handle(streamId, envelope({ type: 'Deposit', data: { amount: 10 } }));
    const racing = new RacingEventStore(store, Number.POSITIVE_INFINITY);
    await expect(
      handle(streamId, envelope({ type: 'Withdraw', data: { amount: 1 } }), {
        store: racing,
        maxAttempts: 3,
      }),
    ).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(racing.reads).toBe(3);
    expect((await store.readStream(streamId)).filter((e) => e.type === 'Withdrawn')).toHaveLength(0);
  });

  it('refuses an id that makes a malformed stream id, and appends nothing', async () => {
    await expect(handle('ledger-has space', envelope({ type: 'Touch', data: {} }))).rejects.toMatchObject({
      field: 'streamId',
    });
  });

  it('traces the command and the append, and stamps the command span on the events', async () => {
    const streamId = uniqueStream();
    await withSpan('incoming request', {}, () =>
      handle(streamId, envelope({ type: 'Deposit', data: { amount: 3 } })),
    );
    const spans = telemetry.memoryExporter?.getFinishedSpans() ?? [];
    const commandSpan = spans.find((s) => s.name === 'command Deposit');
    const appendSpan = spans.find((s) => s.name === 'event-store append');
    const request = spans.find((s) => s.name === 'incoming request');
    expect(commandSpan?.parentSpanContext?.spanId).toBe(request?.spanContext().spanId);
    expect(appendSpan?.parentSpanContext?.spanId).toBe(commandSpan?.spanContext().spanId);
    expect(commandSpan?.attributes).toMatchObject({
      'hotline.command.type': 'Deposit',
      'hotline.stream.id': streamId,
    });
    const [event] = await store.readStream(streamId);
    const ids = commandSpan?.spanContext();
    expect(event?.metadata.traceparent).toBe(`00-${ids?.traceId}-${ids?.spanId}-01`);
  });

  it('continues the trace named in the envelope when no span is active', async () => {
    const streamId = uniqueStream();
    const command = envelope({ type: 'Deposit', data: { amount: 3 } });
    command.metadata.traceparent = `00-${REMOTE_TRACE}-00f067aa0ba902b7-01`;
    await handle(streamId, command);
    const commandSpan = telemetry.memoryExporter
      ?.getFinishedSpans()
      .find((s) => s.name === 'command Deposit');
    expect(commandSpan?.spanContext().traceId).toBe(REMOTE_TRACE);
    expect((await store.readStream(streamId))[0]?.metadata.traceparent).toContain(REMOTE_TRACE);
  });
});
