import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, GatewayRole } from '@hotline/contracts';
import type { AccountService } from './account/account-service';
import { accountActorId } from './account/account.state';
import type { AccountDocument } from './account/accounts.projection';
import { isApiToken, parseApiToken, secretMatches } from './api-token/api-token-secret';
import type { Identity } from './identity';
import type { OidcVerifier } from './oidc/oidc-verifier';
import { SESSION_COOKIE, readCookies, setSessionCookies, type CookieOptions } from './session/cookies';
import { ACTIVITY_REFRESH_SECONDS, type SessionClaims, type SessionTokens } from './session/session-tokens';

export interface Authenticated {
  identity: Identity;
  /** Present for cookie sessions: they need the CSRF token on state-changing requests. */
  session?: SessionClaims;
}

export interface AuthenticatorDeps {
  accounts: AccountService;
  sessions: SessionTokens;
  oidc: OidcVerifier | undefined;
  clock: Clock;
  cookies: CookieOptions;
}

export const identityOfAccount = (account: AccountDocument): Identity => ({
  kind: 'session',
  actorId: accountActorId(account.username),
  username: account.username,
  displayName: account.displayName,
  role: account.role as GatewayRole,
  districtId: account.districtId,
  ...(account.unitId !== null ? { unitId: account.unitId } : {}),
  mustChangePassword: account.mustChangePassword,
});

/** Finds who a request comes from: a bearer token (API token or OIDC JWT), else the session cookie. */
export class Authenticator {
  constructor(private readonly deps: AuthenticatorDeps) {}

  async authenticate(request: IncomingMessage, response: ServerResponse): Promise<Authenticated | undefined> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match?.[1]) return undefined;
      const identity = isApiToken(match[1])
        ? await this.apiToken(match[1])
        : await this.deps.oidc?.verify(match[1]);
      return identity ? { identity } : undefined;
    }
    const token = readCookies(request.headers).get(SESSION_COOKIE);
    return token === undefined ? undefined : this.session(token, response);
  }

  csrfMatches(session: SessionClaims, header: string | undefined): boolean {
    return this.deps.sessions.checkCsrf(session, header);
  }

  /** The account behind a session token when the session is still valid. */
  async session(token: string, response?: ServerResponse): Promise<Authenticated | undefined> {
    const now = this.deps.clock.now();
    const claims = this.deps.sessions.verify(token, now);
    if (!claims) return undefined;
    const account = await this.deps.accounts.find(claims.sub);
    if (!account?.enabled || account.sessionVersion !== claims.sv) return undefined;
    let session = claims;
    if (response && now.getTime() / 1000 - claims.lat > ACTIVITY_REFRESH_SECONDS) {
      const touched = this.deps.sessions.touch(claims, now);
      session = touched.claims;
      setSessionCookies(
        response,
        {
          session: touched.token,
          csrf: this.deps.sessions.csrfToken(session),
          maxAgeSeconds: session.exp - now.getTime() / 1000,
        },
        this.deps.cookies,
      );
    }
    return { identity: identityOfAccount(account), session };
  }

  private async apiToken(bearer: string): Promise<Identity | undefined> {
    const parsed = parseApiToken(bearer);
    if (!parsed) return undefined;
    const token = await this.deps.accounts.findToken(parsed.tokenId);
    if (!token || token.revoked || !secretMatches(parsed.secret, token.tokenHash)) return undefined;
    return {
      kind: 'api-token',
      actorId: `token:${token._id}`,
      username: `token-${token._id}`,
      displayName: token.name,
      role: token.role as GatewayRole,
      districtId: token.districtId,
      ...(token.unitId !== null ? { unitId: token.unitId } : {}),
      mustChangePassword: false,
    };
  }
}
