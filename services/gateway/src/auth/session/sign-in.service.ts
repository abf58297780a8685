import {
  HotlineError,
  Username,
  systemActor,
  CITY_DISTRICT,
  type Clock,
  type SessionUser,
} from '@hotline/contracts';
import type { AccountService } from '../account/account-service';
import { accountActorId, isLocked } from '../account/account.state';
import { DECOY_HASH, hashPassword, verifyPassword } from '../account/password-hash';
import { checkPasswordPolicy } from '../account/password-policy';
import { actorOf, type Identity } from '../identity';
import type { SessionClaims, SessionTokens } from './session-tokens';
import { AuthError } from '../auth.errors';

/** The error of a wrong username or password: the same for both, so usernames cannot be probed. */
export const invalidCredentials = (): HotlineError =>
  new HotlineError('unauthenticated', AuthError.InvalidCredentials, 'wrong username or password');

/** A sign-in refused because of a lockout (answered 423). */
export class AccountLockedError extends HotlineError {
  constructor(readonly until: string) {
    super('forbidden', AuthError.Locked, `too many failed sign-ins: locked until ${until}`);
  }
}

const SIGN_IN = systemActor('gateway-sign-in');

export interface NewSession {
  user: SessionUser;
  token: string;
  claims: SessionClaims;
  csrfToken: string;
}

export const sessionUserOf = (identity: Identity): SessionUser => ({
  id: identity.actorId,
  username: identity.username,
  displayName: identity.displayName,
  role: identity.role,
  districtId: identity.districtId,
  ...(identity.unitId !== undefined ? { unitId: identity.unitId } : {}),
  mustChangePassword: identity.mustChangePassword,
});

/** Sign-in against the account's stream (the truth on lockout and password), and password changes. */
export class SignInService {
  constructor(
    private readonly accounts: AccountService,
    private readonly sessions: SessionTokens,
    private readonly clock: Clock,
  ) {}

  async signIn(username: unknown, password: unknown): Promise<NewSession> {
    const name = Username.safeParse(typeof username === 'string' ? username.trim().toLowerCase() : username);
    const given = typeof password === 'string' ? password : '';
    const state = name.success ? await this.accounts.load(name.data) : undefined;
    if (!name.success || !state?.exists || !state.passwordHash) {
      await verifyPassword(given, DECOY_HASH);
      throw invalidCredentials();
    }
    const now = this.clock.now();
    if (isLocked(state, now)) throw new AccountLockedError(state.lockedUntil ?? '');
    const matches = await verifyPassword(given, state.passwordHash);
    if (!matches || !state.enabled) {
      if (!matches) {
        await this.accounts.execute(
          { type: 'RecordSignInFailure', data: { username: name.data } },
          { actor: SIGN_IN, districtId: CITY_DISTRICT },
        );
        const after = await this.accounts.load(name.data);
        if (isLocked(after, this.clock.now())) throw new AccountLockedError(after.lockedUntil ?? '');
      }
      throw invalidCredentials();
    }
    await this.accounts.execute(
      { type: 'RecordSignIn', data: { username: name.data } },
      { actor: SIGN_IN, districtId: CITY_DISTRICT },
    );
    return this.newSession(name.data, state.sessionVersion, now);
  }

  /** Replaces the user's password after checking the current one; answers a fresh session. */
  async changePassword(identity: Identity, current: unknown, next: unknown): Promise<NewSession> {
    if (identity.kind !== 'session') {
      throw new HotlineError(
        'forbidden',
        AuthError.Forbidden,
        'only a signed-in account has a password here',
      );
    }
    const state = await this.accounts.load(identity.username);
    const ok =
      state.passwordHash !== undefined &&
      (await verifyPassword(typeof current === 'string' ? current : '', state.passwordHash));
    if (!ok)
      throw new HotlineError(
        'validation',
        AuthError.InvalidCredentials,
        'currentPassword: is wrong',
        'currentPassword',
      );
    const password = checkPasswordPolicy(next, identity.username);
    if (await verifyPassword(password, state.passwordHash ?? DECOY_HASH)) {
      throw new HotlineError(
        'validation',
        AuthError.PasswordPolicy,
        'newPassword: must differ from the current one',
        'newPassword',
      );
    }
    await this.accounts.execute(
      {
        type: 'ChangeOwnPassword',
        data: { username: identity.username, passwordHash: await hashPassword(password) },
      },
      { actor: actorOf(identity), districtId: identity.districtId },
    );
    const after = await this.accounts.load(identity.username);
    return this.newSession(identity.username, after.sessionVersion, this.clock.now());
  }

  private async newSession(username: string, sessionVersion: number, now: Date): Promise<NewSession> {
    const account = await this.accounts.find(username);
    if (!account) throw invalidCredentials();
    const { token, claims } = this.sessions.issue(username, sessionVersion, now);
    const user: SessionUser = {
      id: accountActorId(username),
      username,
      displayName: account.displayName,
      role: account.role as SessionUser['role'],
      districtId: account.districtId,
      ...(account.unitId !== null ? { unitId: account.unitId } : {}),
      mustChangePassword: account.mustChangePassword,
    };
    return { user, token, claims, csrfToken: this.sessions.csrfToken(claims) };
  }
}
