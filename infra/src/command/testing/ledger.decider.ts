import { RuleViolation } from '@hotline/contracts';
import { z } from 'zod';
import type { Decider } from '../decider';

/**
 * A test-only aggregate for the command kit's own tests: a ledger with a balance and an overdraft
 * limit injected through the decide context.
 */
export const LedgerCommandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Deposit'), data: z.object({ amount: z.number().int().positive() }) }),
  z.object({ type: z.literal('Withdraw'), data: z.object({ amount: z.number().int().positive() }) }),
  z.object({ type: z.literal('Touch'), data: z.object({}) }),
]);
export type LedgerCommand = z.infer<typeof LedgerCommandSchema>;

export type LedgerEvent =
  | { type: 'LedgerOpened'; data: { openedAt: string } }
  | { type: 'Deposited'; data: { amount: number } }
  | { type: 'Withdrawn'; data: { amount: number; by: string } };

export interface LedgerState {
  open: boolean;
  balance: number;
}

export const ledgerEventVersions = (type: LedgerEvent['type']): number => (type === 'Withdrawn' ? 2 : 1);

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
