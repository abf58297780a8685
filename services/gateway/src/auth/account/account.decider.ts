import type { AccountCommand, AccountEvent } from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import { AccountError, AccountRuleViolation } from './account.errors';
import { checkScope, requireAdmin, requireAdministered } from './account-scope';
import { accountActorId, initialAccountState, isLocked, type AccountState } from './account.state';

/** When failed sign-ins lock an account (from the gateway's settings). */
export interface LockoutPolicy {
  maxFailures: number;
  windowMs: number;
  durationMs: number;
}

export interface AccountContext {
  lockout: LockoutPolicy;
}

function evolve(state: AccountState, event: AccountEvent): AccountState {
  const revoke = { sessionVersion: state.sessionVersion + 1 };
  switch (event.type) {
    case 'AccountCreated': {
      const { username, displayName, role, districtId, unitId } = event.data;
      const scope = { role, districtId, ...(unitId !== undefined ? { unitId } : {}) };
      return { ...state, exists: true, enabled: true, username, displayName, scope };
    }
    case 'AccountScopeChanged': {
      const { role, districtId, unitId } = event.data;
      return {
        ...state,
        ...revoke,
        scope: { role, districtId, ...(unitId !== undefined ? { unitId } : {}) },
      };
    }
    case 'AccountDisabled':
      return { ...state, ...revoke, enabled: false };
    case 'AccountEnabled':
      return { ...state, enabled: true };
    case 'AccountPasswordSet':
      return {
        ...state,
        ...revoke,
        passwordHash: event.data.passwordHash,
        mustChangePassword: event.data.mustChange,
      };
    case 'AccountSignedIn':
      return { ...state, failures: [] };
    case 'AccountSessionsEnded':
      return { ...state, ...revoke };
    case 'AccountSignInFailed':
      return { ...state, failures: [...state.failures, event.data.at] };
    case 'AccountLockedOut':
      return { ...state, failures: [], lockedUntil: event.data.until };
    case 'AccountUnlocked':
      return { ...state, failures: [], lockedUntil: undefined };
    default: {
      const unknown: never = event;
      throw new Error(`unknown account event ${JSON.stringify(unknown)}`);
    }
  }
}

function requireExisting(state: AccountState, username: string): void {
  if (!state.exists) AccountRuleViolation.raise(AccountError.NotFound, `account ${username} does not exist`);
}

function requireEnabled(state: AccountState): void {
  if (!state.enabled)
    AccountRuleViolation.raise(AccountError.Disabled, `account ${state.username} is disabled`);
}

function decideSignInFailure(state: AccountState, context: DecideContext & AccountContext): AccountEvent[] {
  const { now, lockout } = context;
  // A locked account's password is not checked, so a failure then cannot happen; ignore a stray one.
  if (isLocked(state, now)) return [];
  const { username } = state;
  const since = now.getTime() - lockout.windowMs;
  const recent = state.failures.filter((at) => Date.parse(at) > since).length + 1;
  const failed: AccountEvent = { type: 'AccountSignInFailed', data: { username, at: now.toISOString() } };
  if (recent < lockout.maxFailures) return [failed];
  const until = new Date(now.getTime() + lockout.durationMs).toISOString();
  return [failed, { type: 'AccountLockedOut', data: { username, until } }];
}

function decide(
  command: AccountCommand,
  state: AccountState,
  context: DecideContext & AccountContext,
): AccountEvent[] {
  const { actor, districtId } = context;
  const { username } = command.data;
  if (command.type === 'CreateAccount') {
    if (state.exists) AccountRuleViolation.raise(AccountError.Exists, `account ${username} already exists`);
    const {
      displayName,
      role,
      districtId: scopeDistrict,
      unitId,
      passwordHash,
      mustChangePassword,
    } = command.data;
    const scope = { role, districtId: scopeDistrict, ...(unitId !== undefined ? { unitId } : {}) };
    checkScope(scope);
    requireAdmin(actor, districtId, scope, 'opening an account');
    return [
      { type: 'AccountCreated', data: { username, displayName, ...scope } },
      { type: 'AccountPasswordSet', data: { username, passwordHash, mustChange: mustChangePassword } },
    ];
  }
  requireExisting(state, username);
  switch (command.type) {
    case 'ChangeAccountScope': {
      const { role, districtId: scopeDistrict, unitId } = command.data;
      const scope = { role, districtId: scopeDistrict, ...(unitId !== undefined ? { unitId } : {}) };
      checkScope(scope);
      requireAdministered(actor, districtId, state.scope, `account ${username} does not exist`);
      requireAdmin(actor, districtId, scope, 'changing an account');
      const same =
        scope.role === state.scope.role &&
        scope.districtId === state.scope.districtId &&
        scope.unitId === state.scope.unitId;
      return same ? [] : [{ type: 'AccountScopeChanged', data: { username, ...scope } }];
    }
    case 'DisableAccount':
      requireAdministered(actor, districtId, state.scope, `account ${username} does not exist`);
      return state.enabled ? [{ type: 'AccountDisabled', data: { username } }] : [];
    case 'EnableAccount':
      requireAdministered(actor, districtId, state.scope, `account ${username} does not exist`);
      return state.enabled ? [] : [{ type: 'AccountEnabled', data: { username } }];
    case 'UnlockAccount':
      requireAdministered(actor, districtId, state.scope, `account ${username} does not exist`);
      return state.lockedUntil === undefined && state.failures.length === 0
        ? []
        : [{ type: 'AccountUnlocked', data: { username } }];
    case 'SetAccountPassword':
      requireAdministered(actor, districtId, state.scope, `account ${username} does not exist`);
      return [
        {
          type: 'AccountPasswordSet',
          data: { username, passwordHash: command.data.passwordHash, mustChange: true },
        },
      ];
    case 'ChangeOwnPassword':
      if (actor.id !== accountActorId(username)) {
        AccountRuleViolation.raise(AccountError.NotOwner, `only ${username} may change their own password`);
      }
      requireEnabled(state);
      return [
        {
          type: 'AccountPasswordSet',
          data: { username, passwordHash: command.data.passwordHash, mustChange: false },
        },
      ];
    case 'EndSessions':
      if (actor.id !== accountActorId(username)) {
        AccountRuleViolation.raise(AccountError.NotOwner, `only ${username} may end their own sessions`);
      }
      return [{ type: 'AccountSessionsEnded', data: { username } }];
    case 'RecordSignIn':
      requireEnabled(state);
      if (isLocked(state, context.now)) {
        AccountRuleViolation.raise(
          AccountError.Locked,
          `account ${username} is locked until ${state.lockedUntil}`,
        );
      }
      return [{ type: 'AccountSignedIn', data: { username } }];
    case 'RecordSignInFailure':
      return decideSignInFailure(state, context);
    default: {
      const unknown: never = command;
      throw new Error(`unknown account command ${JSON.stringify(unknown)}`);
    }
  }
}

/** An account: who may sign in, as what, with which password; lockout after repeated failures. */
export const accountDecider: Decider<AccountCommand, AccountEvent, AccountState, AccountContext> = {
  initialState: initialAccountState,
  evolve,
  decide,
};
