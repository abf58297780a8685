import type { CommandEnvelope } from '@hotline/contracts';
import { httpErrorResponse } from '../../command/http-error-response';
import { handleCommand } from '../../command/handle-command';
import { ledgerAggregate } from '../../command/testing/ledger.decider';
import {
  CuttingProxy,
  createTemporaryDatabase,
  type Cut,
  type TemporaryDatabase,
} from '../../postgres/testing';
import { rejectionOf } from '../testing';
import { PostgresEventStore } from './postgres-event-store';

const deposit = (commandId: string): CommandEnvelope => ({
  commandId,
  type: 'Deposit',
  data: { amount: 40 },
  metadata: { correlationId: 'corr-loss', actor: { id: 'agent-3', role: 'agent' }, districtId: 'east' },
});

describe('PostgresEventStore when the connection is lost mid-append [PostgreSQL]', () => {
  let database: TemporaryDatabase;
  let proxy: CuttingProxy;
  let throughProxy: PostgresEventStore;
  let direct: PostgresEventStore;

  beforeAll(async () => {
    database = await createTemporaryDatabase('event_loss');
    proxy = await CuttingProxy.start(database.url);
    throughProxy = await PostgresEventStore.open({ url: proxy.url });
    direct = await PostgresEventStore.open({ url: database.url });
  });
  afterAll(async () => {
    await throughProxy.close();
    await direct.close();
    await proxy.stop();
    await database.drop();
  });

  const handle = (streamId: string, command: CommandEnvelope) =>
    handleCommand(
      { store: throughProxy, clock: { now: () => new Date('2025-03-03T08:30:00.000Z') } },
      {
        aggregate: ledgerAggregate,
        id: streamId.slice('ledger-'.length),
        command,
        context: { overdraftLimit: 0 },
      },
    );

  it.each<[Cut, number]>([
    ['before-commit', 0],
    ['after-commit', 2],
  ])(
    'answers 503 when the connection drops %s, and the retry with the same command id applies it once',
    async (cut, storedAfterCut) => {
      const streamId = `ledger-${cut}`;
      const command = deposit(`cmd-${cut}`);
      // An append of a few events is one statement in its own transaction: it is the commit.
      proxy.arm(cut, 'INSERT INTO hotline_events');
      const error = await rejectionOf(handle(streamId, command));
      expect(error).toMatchObject({ kind: 'unavailable', code: 'EVENT_STORE_UNAVAILABLE' });
      expect(httpErrorResponse(error).status).toBe(503);
      const afterCut = await direct.readStream(streamId).catch(() => []);
      expect(afterCut).toHaveLength(storedAfterCut);

      const retry = await handle(streamId, command);
      expect(retry.idempotent).toBe(storedAfterCut > 0);
      const stored = await direct.readStream(streamId);
      expect(stored.map((e) => e.type)).toEqual(['LedgerOpened', 'Deposited']);
      expect(stored.map((e) => e.metadata.commandId)).toEqual([command.commandId, command.commandId]);
      expect(retry.position).toBe(stored[1]!.position);
    },
  );
});
