import { ValidationError, type CommandEnvelope } from '@hotline/contracts';
import { parseCommand } from './parse-command';
import { ledgerCommands } from './testing/ledger.decider';

const [Deposit] = ledgerCommands;

const envelope = (overrides: Partial<CommandEnvelope> = {}): Record<string, unknown> => ({
  commandId: 'cmd-1',
  type: 'Deposit',
  data: { amount: 5 },
  metadata: { correlationId: 'corr-1', actor: { id: 'agent-7', role: 'agent' }, districtId: 'east' },
  ...overrides,
});

describe('parseCommand', () => {
  it('answers the envelope with its data parsed by the definition', () => {
    expect(parseCommand(Deposit, envelope())).toMatchObject({ type: 'Deposit', data: { amount: 5 } });
  });

  it.each([
    ['commandId', { commandId: 'has space' }],
    [
      'metadata.districtId',
      { metadata: { correlationId: 'c', actor: { id: 'a', role: 'r' }, districtId: 'East Side' } },
    ],
    [
      'metadata.actor',
      { metadata: { correlationId: 'c', districtId: 'east' } as CommandEnvelope['metadata'] },
    ],
  ])('refuses an envelope with a bad %s, naming it', (field, overrides) => {
    const error = (() => {
      try {
        return parseCommand(Deposit, envelope(overrides));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe(field);
  });

  it('refuses data that does not match the schema, naming data.<field>', () => {
    expect(() => parseCommand(Deposit, envelope({ data: { amount: -5 } }))).toThrow(
      expect.objectContaining({ kind: 'validation', field: 'data.amount' }) as Error,
    );
  });

  it('refuses a command of another type on this subject', () => {
    expect(() => parseCommand(Deposit, envelope({ type: 'Withdraw' }))).toThrow(
      expect.objectContaining({ field: 'type' }) as Error,
    );
  });
});
