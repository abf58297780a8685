import { z } from 'zod';
import { ClientId, DisplayName, GATEWAY_ROLES, Username } from '@hotline/contracts';
import type { DocSpec, DocVariant } from './doc.decorator';

const Password = z.string().min(1).max(256);
const Scope = {
  role: z.enum(GATEWAY_ROLES),
  districtId: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  unitId: ClientId.optional(),
};
const commandId = ClientId.describe('Chosen by the client and kept for retries.');

/**
 * Docs of the auth module's routes (its controllers belong to the auth code, which declares who
 * may call them; what they take and answer is written here), keyed by `METHOD /path`.
 */
export const AUTH_ROUTE_DOCS: Readonly<Record<string, DocSpec | { variants: DocVariant[] }>> = {
  'POST /api/auth/sign-in': {
    summary:
      'Signs in with a username and password: sets the session cookie and answers { user, csrfToken }.',
    description:
      '401 auth.invalid-credentials on a wrong username or password; 423 auth.locked after repeated failures.',
    body: z.object({ username: Username, password: Password }),
  },
  'POST /api/auth/sign-out': {
    summary: 'Ends every session of the account, on every gateway replica, and clears the cookies (204).',
  },
  'GET /api/auth/me': { summary: 'The signed-in user and the CSRF token, or 401.' },
  'POST /api/auth/password': {
    summary: 'Changes your own password (required first when mustChangePassword is set); 204.',
    body: z.object({ currentPassword: Password, newPassword: Password }),
  },
  'GET /api/accounts': { summary: 'The accounts an administrator manages (no password hashes).' },
  'POST /api/accounts': {
    summary: 'Opens an account; the user must change the initial password at first sign-in.',
    body: z.object({ commandId, username: Username, displayName: DisplayName, password: Password, ...Scope }),
  },
  'POST /api/accounts/:username/scope': {
    summary: "Changes an account's role, district or unit; its sessions end.",
    body: z.object({ commandId, ...Scope }),
  },
  'POST /api/accounts/:username/password': {
    summary: 'Sets a new initial password (the user must change it); its sessions end.',
    body: z.object({ commandId, password: Password }),
  },
  'POST /api/accounts/:username/:action': {
    variants: [
      {
        path: { action: 'disable' },
        summary: 'Disables an account; its sessions end.',
        body: z.object({ commandId }),
      },
      { path: { action: 'enable' }, summary: 'Enables a disabled account.', body: z.object({ commandId }) },
      {
        path: { action: 'unlock' },
        summary: 'Unlocks an account locked after failed sign-ins.',
        body: z.object({ commandId }),
      },
    ],
  },
  'GET /api/api-tokens': {
    summary: 'The API tokens issued, each named by its tokenId (never their secrets).',
  },
  'POST /api/api-tokens': {
    summary:
      'Issues an API token for an integration, scoped to a role, district and unit; the secret is shown once.',
    description:
      'Answers { tokenId, token } the first time; a retry with the same commandId answers { tokenId, alreadyIssued: true } without the secret.',
    body: z.object({ commandId, name: DisplayName, ...Scope }),
  },
  'POST /api/api-tokens/:tokenId/revoke': {
    summary: 'Revokes an API token at once.',
    body: z.object({ commandId }),
  },
};
