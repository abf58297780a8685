import { z } from 'zod';
import {
  HotlineError,
  RuleViolation,
  defineCommand,
  defineEvent,
  type RecordedEvent,
} from '@hotline/contracts';
import { isFinalRefusal, liftReactedEvent, reactionTo, type ReactorSpec } from './reactor';

const Promised = defineEvent({
  type: 'PaymentPromised',
  version: 2,
  category: 'promise',
  summary: 'A payment was promised.',
  schema: z.object({ ledgerId: z.string(), amount: z.number().int().positive() }),
  upcast: (data) => ({ ...(data as object), amount: (data as { cents: number }).cents / 100 }),
});
const Deposit = defineCommand({
  type: 'Deposit',
  service: 'ledger',
  summary: 'Deposits an amount.',
  schema: z.object({ amount: z.number().int().positive() }),
});

const event = (over: Partial<RecordedEvent> = {}): RecordedEvent => ({
  id: '0b7e6f1c-5d3a-4e7a-9a51-0c2b1d3e4f50',
  type: 'PaymentPromised',
  version: 2,
  streamId: 'promise-1',
  revision: 0,
  position: 7,
  time: '2025-03-03T08:30:00.000Z',
  data: { ledgerId: 'l-1', amount: 3 },
  metadata: {
    correlationId: 'corr-1',
    causationId: 'cause-1',
    actor: { id: 'agent-7', role: 'agent' },
    districtId: 'east',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
  },
  ...over,
});

const spec = (over: Partial<ReactorSpec> = {}): ReactorSpec => ({
  name: 'ledger-payments',
  events: [Promised],
  react: () => Promise.resolve(),
  ...over,
});

describe('reactionTo', () => {
  it('derives the command id from the step and the event id, and continues the event', () => {
    const command = reactionTo(spec(), event()).command(Deposit, 'deposit', { amount: 3 });
    expect(command).toEqual({
      commandId: 'deposit-0b7e6f1c-5d3a-4e7a-9a51-0c2b1d3e4f50',
      type: 'Deposit',
      data: { amount: 3 },
      metadata: {
        correlationId: 'corr-1',
        causationId: '0b7e6f1c-5d3a-4e7a-9a51-0c2b1d3e4f50',
        actor: { id: 'system:ledger-payments', role: 'system' },
        districtId: 'east',
        traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      },
    });
  });

  it('gives the same command for a redelivered event, and the actor the spec names', () => {
    const actor = { id: 'system:survey', role: 'system' as const };
    const first = reactionTo(spec({ actor }), event()).command(Deposit, 'deposit', { amount: 3 });
    const again = reactionTo(spec({ actor }), event()).command(Deposit, 'deposit', { amount: 3 });
    expect(again).toEqual(first);
    expect(first.metadata.actor).toEqual(actor);
  });

  it('takes an explicit id for a command made once per thing, not per event', () => {
    const command = reactionTo(spec(), event()).commandWithId(Deposit, 'once.l-1', { amount: 3 });
    expect(command.commandId).toBe('once.l-1');
  });

  it('treats a command it builds wrong as a defect (redelivered, then dead-lettered), not a refusal', () => {
    let thrown: unknown;
    try {
      reactionTo(spec(), event()).command(Deposit, 'deposit', { amount: -1 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect(isFinalRefusal(thrown)).toBe(false);
    expect((thrown as Error).message).toMatch(/ledger-payments built an invalid Deposit: data\.amount/);
  });

  it('logs a refusal for good and goes on (a rule at info, a role as a warning); anything else fails the delivery', async () => {
    const warnings: unknown[] = [];
    const infos: unknown[] = [];
    const logger = {
      warn: (fields: unknown) => warnings.push(fields),
      info: (fields: unknown) => infos.push(fields),
    } as never;
    const reaction = reactionTo(spec({ refusal: 'the ledger refused' }), event(), logger);
    await expect(
      reaction.refusable(() => Promise.reject(new RuleViolation('INSUFFICIENT_FUNDS', 'no'))),
    ).resolves.toBeUndefined();
    expect(infos).toHaveLength(1);
    expect(warnings).toHaveLength(0);
    await expect(
      reaction.refusable(() => Promise.reject(new HotlineError('forbidden', 'NOT_YOURS', 'no'))),
    ).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
    await expect(
      reaction.refusable(() => Promise.reject(new HotlineError('unavailable', 'BUS_DOWN', 'down'))),
    ).rejects.toThrow('down');
  });
});

describe('liftReactedEvent', () => {
  it('passes a current event unchanged', () => {
    const current = event();
    expect(liftReactedEvent(spec(), current)).toBe(current);
  });

  it('lifts an older version with the upcaster', () => {
    const lifted = liftReactedEvent(spec(), event({ version: 1, data: { ledgerId: 'l-1', cents: 300 } }));
    expect(lifted.version).toBe(2);
    expect(lifted.data).toMatchObject({ amount: 3 });
  });

  it('refuses malformed data naming the field, and a version this build does not know', () => {
    expect(() => liftReactedEvent(spec(), event({ data: { ledgerId: 'l-1', amount: 'lots' } }))).toThrow(
      /data\.amount/,
    );
    expect(() => liftReactedEvent(spec(), event({ version: 3 }))).toThrow(/newer than this build knows/);
    expect(() => liftReactedEvent(spec(), event({ type: 'Other' }))).toThrow(/not one of the events/);
  });
});
