import { RuleViolation, type CallerBlockCommand, type CallerBlockEvent } from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';

export enum CallerBlockError {
  NotBlocked = 'CALLER_NOT_BLOCKED',
  ExpiryInPast = 'CALLER_BLOCK_EXPIRY_IN_PAST',
  RoleNotAllowed = 'CALLER_BLOCK_ROLE_NOT_ALLOWED',
}

/** The status rule (docs/api.md): a refused role is 403, an unknown target 404, any other rule 422. */
export class CallerBlockRuleViolation extends RuleViolation<CallerBlockError> {
  static override readonly kinds = {
    [CallerBlockError.RoleNotAllowed]: 'forbidden',
  } as const;
}

/** A number's place on the blocklist, folded from `callerBlock-<phone>`. */
export interface CallerBlockState {
  blocked: boolean;
  expiresAt?: string;
}

/** Blocking a citizen's number is the center's decision (and the platform's, for floods). */
const BLOCKERS = new Set(['center', 'system']);

function isBlockedAt(state: CallerBlockState, now: Date): boolean {
  return state.blocked && (state.expiresAt === undefined || Date.parse(state.expiresAt) > now.getTime());
}

function decide(
  command: CallerBlockCommand,
  state: CallerBlockState,
  context: DecideContext,
): CallerBlockEvent[] {
  if (!BLOCKERS.has(context.actor.role)) {
    throw new CallerBlockRuleViolation(
      CallerBlockError.RoleNotAllowed,
      `the blocklist is kept by the center, not role ${context.actor.role}`,
    );
  }
  switch (command.type) {
    case 'BlockCaller': {
      const { phone, reason, expiresAt } = command.data;
      if (expiresAt !== undefined && Date.parse(expiresAt) <= context.now.getTime()) {
        throw new CallerBlockRuleViolation(
          CallerBlockError.ExpiryInPast,
          `expiresAt: ${expiresAt} is not in the future`,
        );
      }
      return [{ type: 'CallerBlocked', data: { phone, reason, ...(expiresAt ? { expiresAt } : {}) } }];
    }
    case 'UnblockCaller':
      if (!isBlockedAt(state, context.now)) {
        throw new CallerBlockRuleViolation(
          CallerBlockError.NotBlocked,
          `${command.data.phone} is not on the blocklist`,
        );
      }
      return [{ type: 'CallerUnblocked', data: command.data }];
    default: {
      const unknown: never = command;
      throw new Error(`unknown caller block command ${JSON.stringify(unknown)}`);
    }
  }
}

function evolve(state: CallerBlockState, event: CallerBlockEvent): CallerBlockState {
  switch (event.type) {
    case 'CallerBlocked':
      return { blocked: true, ...(event.data.expiresAt ? { expiresAt: event.data.expiresAt } : {}) };
    case 'CallerUnblocked':
      return { blocked: false };
    default: {
      const unknown: never = event;
      throw new Error(`unknown caller block event ${JSON.stringify(unknown)}`);
    }
  }
}

/** The blocklist entry of one number: stream `callerBlock-<phone>`. */
export const callerBlockDecider: Decider<CallerBlockCommand, CallerBlockEvent, CallerBlockState> = {
  initialState: () => ({ blocked: false }),
  evolve,
  decide,
};

export const callerBlockStreamId = (phone: string): string => `callerBlock-${phone}`;
