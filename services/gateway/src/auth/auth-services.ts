import type { AuthConfig } from './auth.config';
import type { AccountService } from './account/account-service';
import type { Authenticator } from './authenticator';
import type { CookieOptions } from './session/cookies';
import type { SignInService } from './session/sign-in.service';
import type { SessionTokens } from './session/session-tokens';

/** What the auth routes need, built once per gateway. */
export interface AuthServices {
  config: AuthConfig;
  accounts: AccountService;
  authenticator: Authenticator;
  signIn: SignInService;
  sessions: SessionTokens;
  cookies: CookieOptions;
}
