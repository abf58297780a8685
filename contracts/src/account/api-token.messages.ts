import { z } from 'zod';
import { defineCommand, defineEvent, type CommandOf, type EventOf } from '../messages/define';
import { API_TOKEN_CATEGORY, AccountScope, ApiTokenId, DisplayName, GATEWAY_SERVICE } from './account.values';

/** SHA-256 of the token's secret, hex: tokens are random and long, so a slow hash buys nothing. */
const TokenHash = z.string().regex(/^[0-9a-f]{64}$/);

export const IssueApiToken = defineCommand({
  type: 'IssueApiToken',
  service: GATEWAY_SERVICE,
  summary: "An administrator issues an integrator's token, scoped to a role, district and unit.",
  schema: z.object({ tokenId: ApiTokenId, name: DisplayName, ...AccountScope.shape, tokenHash: TokenHash }),
});

export const RevokeApiToken = defineCommand({
  type: 'RevokeApiToken',
  service: GATEWAY_SERVICE,
  summary: 'The token stops working at once.',
  schema: z.object({ tokenId: ApiTokenId }),
});

export const ApiTokenIssued = defineEvent({
  type: 'ApiTokenIssued',
  version: 1,
  category: API_TOKEN_CATEGORY,
  summary: 'An API token exists (only its hash is kept).',
  schema: IssueApiToken.schema,
});

export const ApiTokenRevoked = defineEvent({
  type: 'ApiTokenRevoked',
  version: 1,
  category: API_TOKEN_CATEGORY,
  summary: 'The API token was revoked.',
  schema: RevokeApiToken.schema,
});

export type ApiTokenCommand = CommandOf<typeof IssueApiToken> | CommandOf<typeof RevokeApiToken>;
export type ApiTokenEvent = EventOf<typeof ApiTokenIssued> | EventOf<typeof ApiTokenRevoked>;

export const apiTokenCommands = [IssueApiToken, RevokeApiToken] as const;
export const apiTokenEvents = [ApiTokenIssued, ApiTokenRevoked] as const;
