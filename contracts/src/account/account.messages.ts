import { z } from 'zod';
import { defineCommand, defineEvent, type CommandOf, type EventOf } from '../messages/define';
import { DistrictId } from '../kernel/ids';
import { GatewayRole } from '../kernel/gateway-roles';
import { IsoDateTime, UnitId } from '../workflow/case.values';
import {
  ACCOUNT_CATEGORY,
  AccountScope,
  DisplayName,
  GATEWAY_SERVICE,
  PasswordHash,
  Username,
} from './account.values';

const Scope = AccountScope.shape;

export const CreateAccount = defineCommand({
  type: 'CreateAccount',
  service: GATEWAY_SERVICE,
  summary: 'Open an account with a role, a district, a unit for unit roles, and an initial password.',
  schema: z.object({
    username: Username,
    displayName: DisplayName,
    ...Scope,
    passwordHash: PasswordHash,
    mustChangePassword: z.boolean(),
  }),
});

export const ChangeAccountScope = defineCommand({
  type: 'ChangeAccountScope',
  service: GATEWAY_SERVICE,
  summary: "Change an account's role, district or unit; its sessions end.",
  schema: z.object({ username: Username, ...Scope }),
});

export const DisableAccount = defineCommand({
  type: 'DisableAccount',
  service: GATEWAY_SERVICE,
  summary: 'Stop an account from signing in; its sessions end.',
  schema: z.object({ username: Username }),
});

export const EnableAccount = defineCommand({
  type: 'EnableAccount',
  service: GATEWAY_SERVICE,
  summary: 'Let a disabled account sign in again.',
  schema: z.object({ username: Username }),
});

export const SetAccountPassword = defineCommand({
  type: 'SetAccountPassword',
  service: GATEWAY_SERVICE,
  summary: 'An administrator sets a password, which the user must change at the next sign-in.',
  schema: z.object({ username: Username, passwordHash: PasswordHash }),
});

export const ChangeOwnPassword = defineCommand({
  type: 'ChangeOwnPassword',
  service: GATEWAY_SERVICE,
  summary: 'The user replaces their password (after proving the current one); other sessions end.',
  schema: z.object({ username: Username, passwordHash: PasswordHash }),
});

export const RecordSignIn = defineCommand({
  type: 'RecordSignIn',
  service: GATEWAY_SERVICE,
  summary: 'The user proved their password; failures so far are forgotten.',
  schema: z.object({ username: Username }),
});

export const RecordSignInFailure = defineCommand({
  type: 'RecordSignInFailure',
  service: GATEWAY_SERVICE,
  summary: 'A wrong password for the account; too many within the window lock it out for a while.',
  schema: z.object({ username: Username }),
});

export const UnlockAccount = defineCommand({
  type: 'UnlockAccount',
  service: GATEWAY_SERVICE,
  summary: 'An administrator lifts a lockout before it expires.',
  schema: z.object({ username: Username }),
});

export const EndSessions = defineCommand({
  type: 'EndSessions',
  service: GATEWAY_SERVICE,
  summary: 'The user signs out: every session of the account ends, on every gateway replica.',
  schema: z.object({ username: Username }),
});

const event = <T extends string, S extends z.ZodType>(type: T, summary: string, schema: S) =>
  defineEvent({ type, version: 1, category: ACCOUNT_CATEGORY, summary, schema });

export const AccountCreated = event(
  'AccountCreated',
  'An account was opened.',
  z.object({ username: Username, displayName: DisplayName, ...Scope }),
);
export const AccountScopeChanged = event(
  'AccountScopeChanged',
  "The account's role, district or unit changed.",
  z.object({ username: Username, role: GatewayRole, districtId: DistrictId, unitId: UnitId.optional() }),
);
export const AccountDisabled = event(
  'AccountDisabled',
  'The account may not sign in.',
  z.object({ username: Username }),
);
export const AccountEnabled = event(
  'AccountEnabled',
  'The account may sign in again.',
  z.object({ username: Username }),
);
export const AccountPasswordSet = event(
  'AccountPasswordSet',
  'A new password hash; `mustChange` when an administrator set it.',
  z.object({ username: Username, passwordHash: PasswordHash, mustChange: z.boolean() }),
);
export const AccountSignedIn = event(
  'AccountSignedIn',
  'The user signed in.',
  z.object({ username: Username }),
);
export const AccountSignInFailed = event(
  'AccountSignInFailed',
  'A wrong password was given for the account at `at`.',
  z.object({ username: Username, at: IsoDateTime }),
);
export const AccountLockedOut = event(
  'AccountLockedOut',
  'Too many failed sign-ins: the account is locked until `until`.',
  z.object({ username: Username, until: IsoDateTime }),
);
export const AccountUnlocked = event(
  'AccountUnlocked',
  'An administrator lifted the lockout.',
  z.object({ username: Username }),
);

export const AccountSessionsEnded = event(
  'AccountSessionsEnded',
  'The user signed out: sessions issued before this no longer authenticate.',
  z.object({ username: Username }),
);

export const accountCommands = [
  CreateAccount,
  ChangeAccountScope,
  DisableAccount,
  EnableAccount,
  SetAccountPassword,
  ChangeOwnPassword,
  RecordSignIn,
  RecordSignInFailure,
  UnlockAccount,
  EndSessions,
] as const;

export const accountEvents = [
  AccountCreated,
  AccountScopeChanged,
  AccountDisabled,
  AccountEnabled,
  AccountPasswordSet,
  AccountSignedIn,
  AccountSignInFailed,
  AccountLockedOut,
  AccountUnlocked,
  AccountSessionsEnded,
] as const;

export type AccountCommand = CommandOf<(typeof accountCommands)[number]>;
export type AccountEvent = EventOf<(typeof accountEvents)[number]>;
