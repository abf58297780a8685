import { defineEvent, type RecordedEvent } from '@hotline/contracts';
import { z } from 'zod';
import { defineAggregate } from './aggregate';
import { ledgerAggregate, ledgerDecider, ledgerEvents } from './testing/ledger.decider';

const stored = (type: string, version: number, data: unknown, revision = 0): RecordedEvent => ({
  id: `e-${revision}`,
  streamId: 'ledger-1',
  type,
  version,
  data,
  revision,
  position: revision + 1,
  time: '2025-03-03T08:30:00.000Z',
  metadata: { correlationId: 'c', causationId: 'c', actor: { id: 'a', role: 'agent' }, districtId: 'east' },
});

describe('defineAggregate', () => {
  it('names streams by the category and writes each event at its definition’s version', () => {
    expect(ledgerAggregate.streamId('42')).toBe('ledger-42');
    expect(ledgerAggregate.eventVersion('Deposited')).toBe(1);
    expect(ledgerAggregate.eventVersion('Withdrawn')).toBe(2);
  });

  it('lifts an older stored version through the upcaster before evolve sees it', () => {
    expect(ledgerAggregate.domainEvent(stored('Withdrawn', 1, { amount: 3 }))).toEqual({
      type: 'Withdrawn',
      data: { amount: 3, by: 'owner' },
    });
    expect(ledgerAggregate.domainEvent(stored('Withdrawn', 2, { amount: 3, by: 'agent-7' }))).toEqual({
      type: 'Withdrawn',
      data: { amount: 3, by: 'agent-7' },
    });
  });

  it('folds a stream of mixed versions into the state', () => {
    const state = ledgerAggregate.fold([
      stored('LedgerOpened', 1, { openedAt: 'x' }, 0),
      stored('Deposited', 1, { amount: 10 }, 1),
      stored('Withdrawn', 1, { amount: 4 }, 2),
    ]);
    expect(state).toEqual({ open: true, balance: 6 });
  });

  it('refuses a stored version newer than this build knows, and an event of another aggregate', () => {
    expect(() => ledgerAggregate.domainEvent(stored('Withdrawn', 3, { amount: 1 }))).toThrow(/newer/);
    expect(() => ledgerAggregate.domainEvent(stored('CaseRegistered', 1, {}))).toThrow(/not an event/);
  });

  it('refuses to be made from events of another category', () => {
    const foreign = defineEvent({
      type: 'Foreign',
      version: 1,
      category: 'other',
      schema: z.object({}),
      summary: 'x',
    });
    expect(() =>
      defineAggregate({ category: 'ledger', decider: ledgerDecider, events: [...ledgerEvents, foreign] }),
    ).toThrow(/other event, not ledger/);
  });
});
