import { RuleViolation, defineCommand, defineEvent, type CommandOf } from '@hotline/contracts';
import { z } from 'zod';
import { defineAggregate } from '../aggregate';
import type { Decider } from '../decider';

/**
 * A test-only aggregate for the command kit's own tests: a ledger with a balance and an overdraft
 * limit injected through the decide context.
 */
export type LedgerCommand = CommandOf<(typeof ledgerCommands)[number]>;

export type LedgerEvent =
  | { type: 'LedgerOpened'; data: { openedAt: string } }
  | { type: 'Deposited'; data: { amount: number } }
  | { type: 'Withdrawn'; data: { amount: number; by: string } };

export interface LedgerState {
  open: boolean;
  balance: number;
}

const category = 'ledger';
const amount = z.object({ amount: z.number().int().positive() });
export const ledgerCommands = [
  defineCommand({ type: 'Deposit', service: 'ledger', schema: amount, summary: 'Deposits an amount.' }),
  defineCommand({ type: 'Withdraw', service: 'ledger', schema: amount, summary: 'Withdraws an amount.' }),
  defineCommand({ type: 'Touch', service: 'ledger', schema: z.object({}), summary: 'Changes nothing.' }),
] as const;
export const ledgerEvents = [
  defineEvent({
    type: 'LedgerOpened',
    version: 1,
    category,
    schema: z.object({ openedAt: z.string() }),
    summary: 'The ledger was opened.',
  }),
  defineEvent({ type: 'Deposited', version: 1, category, schema: amount, summary: 'An amount came in.' }),
  /** v2 names who withdrew; a v1 withdrawal was the owner's. */
  defineEvent({
    type: 'Withdrawn',
    version: 2,
    category,
    schema: amount.extend({ by: z.string() }),
    summary: 'An amount went out.',
    upcast: (data) => ({ ...(data as object), by: 'owner' }),
  }),
] as const;

export const ledgerDecider: Decider<LedgerCommand, LedgerEvent, LedgerState, { overdraftLimit: number }> = {
  initialState: () => ({ open: false, balance: 0 }),

  evolve(state, event) {
    switch (event.type) {
      case 'LedgerOpened':
        return { ...state, open: true };
      case 'Deposited':
        return { ...state, balance: state.balance + event.data.amount };
      case 'Withdrawn':
        return { ...state, balance: state.balance - event.data.amount };
      default: {
        const unknown: never = event;
        throw new Error(`unknown ledger event ${JSON.stringify(unknown)}`);
      }
    }
  },

  decide(command, state, context) {
    switch (command.type) {
      case 'Deposit': {
        const deposited: LedgerEvent = { type: 'Deposited', data: { amount: command.data.amount } };
        return state.open
          ? [deposited]
          : [{ type: 'LedgerOpened', data: { openedAt: context.now.toISOString() } }, deposited];
      }
      case 'Withdraw':
        if (state.balance - command.data.amount < -context.overdraftLimit) {
          throw new RuleViolation(
            'INSUFFICIENT_FUNDS',
            `balance ${state.balance} does not cover ${command.data.amount}`,
            {
              balance: state.balance,
            },
          );
        }
        return [{ type: 'Withdrawn', data: { amount: command.data.amount, by: context.actor.id } }];
      case 'Touch':
        return [];
      default: {
        const unknown: never = command;
        throw new Error(`unknown ledger command ${JSON.stringify(unknown)}`);
      }
    }
  },
};

export const ledgerAggregate = defineAggregate({
  category,
  decider: ledgerDecider,
  events: ledgerEvents,
  commands: ledgerCommands,
});
