import type { AccountScope, ApiTokenCommand, ApiTokenEvent } from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import { AccountError, AccountRuleViolation } from '../account/account.errors';
import { checkScope, requireAdmin, requireAdministered } from '../account/account-scope';

export interface ApiTokenState {
  exists: boolean;
  revoked: boolean;
  scope: AccountScope | undefined;
}

function evolve(state: ApiTokenState, event: ApiTokenEvent): ApiTokenState {
  switch (event.type) {
    case 'ApiTokenIssued': {
      const { role, districtId, unitId } = event.data;
      return { exists: true, revoked: false, scope: { role, districtId, ...(unitId ? { unitId } : {}) } };
    }
    case 'ApiTokenRevoked':
      return { ...state, revoked: true };
    default: {
      const unknown: never = event;
      throw new Error(`unknown API token event ${JSON.stringify(unknown)}`);
    }
  }
}

function decide(command: ApiTokenCommand, state: ApiTokenState, context: DecideContext): ApiTokenEvent[] {
  const { actor, districtId } = context;
  switch (command.type) {
    case 'IssueApiToken': {
      if (state.exists)
        AccountRuleViolation.raise(AccountError.Exists, `API token ${command.data.tokenId} already exists`);
      const { role, districtId: scopeDistrict, unitId } = command.data;
      const scope = { role, districtId: scopeDistrict, ...(unitId ? { unitId } : {}) };
      checkScope(scope);
      requireAdmin(actor, districtId, scope, 'issuing an API token');
      return [{ type: 'ApiTokenIssued', data: command.data }];
    }
    case 'RevokeApiToken':
      if (!state.exists || !state.scope) {
        return AccountRuleViolation.raise(
          AccountError.NotFound,
          `API token ${command.data.tokenId} does not exist`,
        );
      }
      requireAdministered(actor, districtId, state.scope, `API token ${command.data.tokenId} does not exist`);
      return state.revoked ? [] : [{ type: 'ApiTokenRevoked', data: command.data }];
    default: {
      const unknown: never = command;
      throw new Error(`unknown API token command ${JSON.stringify(unknown)}`);
    }
  }
}

/** An integrator's API token: issued with a scope by an admin, revocable; only its hash is kept. */
export const apiTokenDecider: Decider<ApiTokenCommand, ApiTokenEvent, ApiTokenState> = {
  initialState: () => ({ exists: false, revoked: false, scope: undefined }),
  evolve,
  decide,
};
