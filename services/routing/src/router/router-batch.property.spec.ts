import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { HotlineError, platformRegistry, systemActor, type RouterCommand } from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { agentProfile, cmd, queueConfig, T0 } from '../testing/router-fixtures';
import { RouterCommandHandler } from './router-command.handler';

const registry = platformRegistry();
const AGENTS = ['a1', 'a2', 'a3'];
const CONTACTS = ['c1', 'c2', 'c3', 'c4', 'c5'];
const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

const setup: RouterCommand[] = [
  cmd('DefineQueue', queueConfig({ offerTimeoutSeconds: 30, maxLength: 3 })),
  ...AGENTS.flatMap((agentId) => [
    cmd('SetAgentProfile', agentProfile(agentId)),
    cmd('LogInAgent', { agentId }),
  ]),
];

/** Commands that often meet the state they need, and often do not (refusals inside a batch). */
const command: fc.Arbitrary<RouterCommand> = fc.oneof(
  fc.record({ agentId: pick(AGENTS) }).map((d) => cmd('MakeAgentReady', d)),
  fc.record({ agentId: pick(AGENTS) }).map((d) => cmd('MakeAgentNotReady', { ...d, reason: 'break' })),
  fc
    .record({ contactId: pick(CONTACTS), urgent: fc.boolean() })
    .map((d) => cmd('QueueContact', { ...d, queueId: 'general', channel: 'voice', requiredSkills: [] })),
  fc.record({ contactId: pick(CONTACTS) }).map((d) => cmd('AbandonQueuedContact', d)),
  fc.record({ agentId: pick(AGENTS), contactId: pick(CONTACTS) }).map((d) => cmd('AcceptOffer', d)),
  fc.record({ agentId: pick(AGENTS), contactId: pick(CONTACTS) }).map((d) => cmd('DeclineOffer', d)),
  fc.record({ agentId: pick(AGENTS), contactId: pick(CONTACTS) }).map((d) => cmd('EndContact', d)),
  fc.record({ agentId: pick(AGENTS) }).map((d) => cmd('LogOutAgent', d)),
);

describe('the router handler deciding a batch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-router-batch-'));
  let run = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A handler on a store of its own, at a fixed instant; its commands numbered with their ids. */
  function router() {
    const store = SqliteEventStore.open({ path: join(dir, `events-${run++}.db`), durability: 'normal' });
    const handler = new RouterCommandHandler({
      store,
      clock: { now: () => new Date(T0) },
      registry,
      districtId: 'city',
    });
    const send = (body: RouterCommand, index: number) =>
      handler.handle({
        commandId: `cmd-${index}`,
        type: body.type,
        data: body.data,
        metadata: { correlationId: `cmd-${index}`, actor: systemActor('router-test'), districtId: 'city' },
      });
    return { store, handler, send };
  }

  const outcome = (settled: PromiseSettledResult<unknown>): string =>
    settled.status === 'fulfilled'
      ? 'stored'
      : settled.reason instanceof HotlineError
        ? settled.reason.code
        : String(settled.reason);

  it('stores what deciding the same commands one at a time stores, and refuses the same ones', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
        const one = router();
        const all = router();
        try {
          for (const [i, body] of setup.entries()) {
            await one.send(body, i);
            await all.send(body, i);
          }
          const sequential: string[] = [];
          for (const [i, body] of commands.entries()) {
            const [settled] = await Promise.allSettled([one.send(body, setup.length + i)]);
            sequential.push(outcome(settled));
          }
          // Sent at once: the handler is busy reading the stream when they arrive, so one batch.
          const appends = jest.spyOn(all.store, 'append');
          const batched = (
            await Promise.allSettled(commands.map((body, i) => all.send(body, setup.length + i)))
          ).map(outcome);
          expect(batched).toEqual(sequential);
          const decidedSomething = (await one.store.readStream('router-city')).some(
            (event) => Number(event.metadata.commandId?.slice('cmd-'.length)) >= setup.length,
          );
          expect(appends.mock.calls.length).toBe(decidedSomething ? 1 : 0);
          const stored = async (store: SqliteEventStore) =>
            (await store.readStream('router-city')).map(({ type, data, metadata }) => ({
              type,
              data,
              commandId: metadata.commandId,
            }));
          expect(await stored(all.store)).toEqual(await stored(one.store));
        } finally {
          await one.store.close();
          await all.store.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
