import type { AccountEvent, ApiTokenEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection } from '@hotline/infra/projection';
import type { ReadDocument } from '@hotline/infra/read-store';

/** The gateway's read models. */
export const AuthCollection = {
  /** One document per account (`_id` the username): sign-in lookups, session checks, the admin list. No hash. */
  accounts: 'gateway_accounts',
  /** One document per API token (`_id` its id), with the SHA-256 of its secret for the lookup. */
  apiTokens: 'gateway_api_tokens',
} as const;

export interface AccountDocument extends ReadDocument {
  _id: string;
  username: string;
  displayName: string;
  role: string;
  districtId: string;
  unitId: string | null;
  enabled: boolean;
  mustChangePassword: boolean;
  sessionVersion: number;
  lockedUntil?: string | null;
  lastSignInAt?: string;
  createdAt: string;
}

export interface ApiTokenDocument extends ReadDocument {
  _id: string;
  name: string;
  role: string;
  districtId: string;
  unitId: string | null;
  tokenHash: string;
  revoked: boolean;
  issuedAt: string;
  issuedBy: string;
}

const { accounts, apiTokens } = AuthCollection;

/**
 * Accounts and API tokens as the gateway looks them up. The session version counts the changes
 * that end sessions, as the account aggregate does, so a cookie of an older version is refused.
 */
export const accountsProjection = (): Projection => ({
  name: 'gateway-accounts',
  version: 2,
  collections: [accounts, apiTokens],
  filter: { streamPrefixes: ['account-', 'apiToken-'] },
  async setup(store) {
    await store.collection(apiTokens).createIndex({ revoked: 1 });
  },
  handle(event: RecordedEvent, _store, context) {
    if (event.streamId.startsWith('apiToken-')) {
      const tokenEvent = { type: event.type, data: event.data } as ApiTokenEvent;
      if (tokenEvent.type === 'ApiTokenIssued') {
        const { tokenId, name, role, districtId, unitId, tokenHash } = tokenEvent.data;
        context.guardedUpdate(apiTokens, tokenId, {
          $set: { name, role, districtId, unitId: unitId ?? null, tokenHash, revoked: false },
          $setOnInsert: { issuedAt: event.time, issuedBy: event.metadata.actor.id },
        });
      } else {
        context.guardedUpdate(apiTokens, tokenEvent.data.tokenId, { $set: { revoked: true } });
      }
      return Promise.resolve();
    }
    const accountEvent = { type: event.type, data: event.data } as AccountEvent;
    const id = accountEvent.data.username;
    const bump = { $inc: { sessionVersion: 1 } };
    switch (accountEvent.type) {
      case 'AccountCreated': {
        const { username, displayName, role, districtId, unitId } = accountEvent.data;
        context.guardedUpdate(accounts, id, {
          $set: { username, displayName, role, districtId, unitId: unitId ?? null, enabled: true },
          // No nulls on insert: FerretDB leaves them out, and absence reads the same (not locked, never signed in).
          $setOnInsert: { createdAt: event.time, mustChangePassword: false, sessionVersion: 0 },
        });
        break;
      }
      case 'AccountScopeChanged': {
        const { role, districtId, unitId } = accountEvent.data;
        context.guardedUpdate(accounts, id, { $set: { role, districtId, unitId: unitId ?? null }, ...bump });
        break;
      }
      case 'AccountDisabled':
        context.guardedUpdate(accounts, id, { $set: { enabled: false }, ...bump });
        break;
      case 'AccountSessionsEnded':
        context.guardedUpdate(accounts, id, bump);
        break;
      case 'AccountEnabled':
        context.guardedUpdate(accounts, id, { $set: { enabled: true } });
        break;
      case 'AccountPasswordSet':
        context.guardedUpdate(accounts, id, {
          $set: { mustChangePassword: accountEvent.data.mustChange },
          ...bump,
        });
        break;
      case 'AccountSignedIn':
        context.guardedUpdate(accounts, id, { $set: { lastSignInAt: event.time } });
        break;
      case 'AccountLockedOut':
        context.guardedUpdate(accounts, id, { $set: { lockedUntil: accountEvent.data.until } });
        break;
      case 'AccountUnlocked':
        context.guardedUpdate(accounts, id, { $set: { lockedUntil: null } });
        break;
      case 'AccountSignInFailed':
        break;
      default: {
        const unknown: never = accountEvent;
        throw new Error(`unknown account event ${JSON.stringify(unknown)}`);
      }
    }
    return Promise.resolve();
  },
});
