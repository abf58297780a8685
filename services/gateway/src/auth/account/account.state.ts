import type { AccountScope } from '@hotline/contracts';

export interface AccountState {
  exists: boolean;
  username: string;
  displayName: string;
  scope: AccountScope;
  enabled: boolean;
  passwordHash: string | undefined;
  mustChangePassword: boolean;
  /** Bumped by every change that must end existing sessions (password, scope, disable). */
  sessionVersion: number;
  /** Times of failed sign-ins since the last success, lockout or unlock. */
  failures: string[];
  lockedUntil: string | undefined;
}

export const initialAccountState = (): AccountState => ({
  exists: false,
  username: '',
  displayName: '',
  scope: { role: 'agent', districtId: 'city' },
  enabled: false,
  passwordHash: undefined,
  mustChangePassword: false,
  sessionVersion: 0,
  failures: [],
  lockedUntil: undefined,
});

/** Whether the account is locked out at `now`. */
export const isLocked = (state: AccountState, now: Date): boolean =>
  state.lockedUntil !== undefined && Date.parse(state.lockedUntil) > now.getTime();

/** The stream of an account: the username is its id. */
export const accountStreamId = (username: string): string => `account-${username}`;

/** How a signed-in account appears as an actor id in events (the audit log). */
export const accountActorId = (username: string): string => `user:${username}`;
