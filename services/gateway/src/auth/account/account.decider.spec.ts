import type { AccountCommand, AccountEvent } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import { accountDecider } from './account.decider';
import { AccountError } from './account.errors';

const now = new Date('2026-03-02T09:00:00+08:00');
const lockout = { maxFailures: 5, windowMs: 15 * 60_000, durationMs: 15 * 60_000 };
const cityAdmin = { id: 'user:admin', role: 'center', gatewayRole: 'city-admin' };
const spec = deciderSpec(accountDecider, () => ({
  now,
  actor: cityAdmin,
  districtId: 'city',
  commandId: 'cmd-1',
  lockout,
}));

const username = 'wang-fang';
const hash = 'scrypt$16384$8$1$c2FsdA==$aGFzaA==';
const hash2 = 'scrypt$16384$8$1$c2FsdDI=$aGFzaDI=';
const handlerScope = { role: 'unit-handler', districtId: 'gulou', unitId: 'gulou-dongjie' } as const;
const create = (scope: object = handlerScope): AccountCommand =>
  ({
    type: 'CreateAccount',
    data: { username, displayName: '王芳', ...scope, passwordHash: hash, mustChangePassword: true },
  }) as AccountCommand;
const created: AccountEvent[] = [
  { type: 'AccountCreated', data: { username, displayName: '王芳', ...handlerScope } },
  { type: 'AccountPasswordSet', data: { username, passwordHash: hash, mustChange: true } },
];
const districtAdmin = {
  actor: { id: 'user:da', role: 'center', gatewayRole: 'district-admin' },
  districtId: 'gulou',
};
const minutesAgo = (minutes: number): string => new Date(now.getTime() - minutes * 60_000).toISOString();
const failedAt = (at: string): AccountEvent => ({ type: 'AccountSignInFailed', data: { username, at } });
const cmd = (type: AccountCommand['type'], data: object = {}): AccountCommand =>
  ({ type, data: { username, ...data } }) as AccountCommand;
const self = {
  actor: { id: `user:${username}`, role: 'unit', unitId: 'gulou-dongjie', gatewayRole: 'unit-handler' },
};
const lockedOut: AccountEvent = { type: 'AccountLockedOut', data: { username, until: minutesAgo(-10) } };

describe('account aggregate', () => {
  describe('opening', () => {
    it('opens an account with its scope and initial password', () => {
      spec.given([]).when(create()).then(created);
    });

    it('lets a district admin open a unit account of its own district', () => {
      spec.given([]).when(create(), districtAdmin).then(created);
    });

    it('refuses a district admin an account of another district', () => {
      spec
        .given([])
        .when(
          create({ role: 'unit-handler', districtId: 'taijiang', unitId: 'taijiang-yanghang' }),
          districtAdmin,
        )
        .thenRejects(AccountError.AdminForbidden);
    });

    it('refuses a district admin a city-wide account', () => {
      spec
        .given([])
        .when(create({ role: 'center', districtId: 'city' }), { ...districtAdmin, districtId: 'city' })
        .thenRejects(AccountError.AdminForbidden);
    });

    it('refuses an agent to open accounts', () => {
      spec
        .given([])
        .when(create(), { actor: { id: 'user:a', role: 'agent', gatewayRole: 'agent' } })
        .thenRejects(AccountError.AdminForbidden);
    });

    it('refuses a second account with the same username', () => {
      spec.given(created).when(create()).thenRejects(AccountError.Exists);
    });

    it.each([
      ['a unit role without a unit', { role: 'unit-leader', districtId: 'gulou' }],
      ['a city-wide role in a district', { role: 'agent', districtId: 'gulou' }],
      ['a district admin of the city', { role: 'district-admin', districtId: 'city' }],
      ['a unit on a role without one', { role: 'center', districtId: 'city', unitId: 'water-group' }],
    ])('refuses %s', (_what, scope) => {
      spec.given([]).when(create(scope)).thenRejects(AccountError.ScopeInvalid);
    });
  });

  describe('administration', () => {
    const scope = { role: 'unit-leader', districtId: 'gulou', unitId: 'gulou-dongjie' } as const;

    it('changes the scope', () => {
      spec
        .given(created)
        .when(cmd('ChangeAccountScope', scope))
        .then([{ type: 'AccountScopeChanged', data: { username, ...scope } }]);
    });

    it('changes nothing when the scope is the same', () => {
      spec.given(created).when(cmd('ChangeAccountScope', handlerScope)).then([]);
    });

    it('refuses a district admin to move an account out of its district', () => {
      spec
        .given(created)
        .when(cmd('ChangeAccountScope', { role: 'agent', districtId: 'city' }), districtAdmin)
        .thenRejects(AccountError.AdminForbidden);
    });

    it('refuses to change an account that does not exist', () => {
      spec.given([]).when(cmd('ChangeAccountScope', scope)).thenRejects(AccountError.NotFound);
    });

    it('disables, and does nothing when already disabled', () => {
      const disabled: AccountEvent = { type: 'AccountDisabled', data: { username } };
      spec.given(created).when(cmd('DisableAccount')).then([disabled]);
      spec
        .given([...created, disabled])
        .when(cmd('DisableAccount'))
        .then([]);
    });

    it('enables a disabled account, and does nothing for an enabled one', () => {
      const disabled: AccountEvent = { type: 'AccountDisabled', data: { username } };
      spec
        .given([...created, disabled])
        .when(cmd('EnableAccount'))
        .then([{ type: 'AccountEnabled', data: { username } }]);
      spec.given(created).when(cmd('EnableAccount')).then([]);
    });

    it('answers a district admin about another district’s account as about no account', () => {
      const taijiangAdmin = { ...districtAdmin, districtId: 'taijiang' };
      spec
        .given(created)
        .when(cmd('DisableAccount'), taijiangAdmin)
        .thenRejects(AccountError.NotFound, /does not exist/);
      spec
        .given([])
        .when(cmd('DisableAccount'), taijiangAdmin)
        .thenRejects(AccountError.NotFound, /does not exist/);
    });

    it('refuses an auditor to disable an account', () => {
      spec
        .given(created)
        .when(cmd('DisableAccount'), { actor: { id: 'user:au', role: 'center', gatewayRole: 'auditor' } })
        .thenRejects(AccountError.AdminForbidden);
    });

    it('sets a password the user must change', () => {
      spec
        .given(created)
        .when(cmd('SetAccountPassword', { passwordHash: hash2 }))
        .then([{ type: 'AccountPasswordSet', data: { username, passwordHash: hash2, mustChange: true } }]);
    });

    it('unlocks a locked account, and does nothing for one that is not', () => {
      spec
        .given([...created, lockedOut])
        .when(cmd('UnlockAccount'))
        .then([{ type: 'AccountUnlocked', data: { username } }]);
      spec.given(created).when(cmd('UnlockAccount')).then([]);
    });
  });

  describe('own password', () => {
    it('lets the user change it, which clears the must-change flag', () => {
      spec
        .given(created)
        .when(cmd('ChangeOwnPassword', { passwordHash: hash2 }), self)
        .then([{ type: 'AccountPasswordSet', data: { username, passwordHash: hash2, mustChange: false } }]);
    });

    it('refuses anyone else, even an admin', () => {
      spec
        .given(created)
        .when(cmd('ChangeOwnPassword', { passwordHash: hash2 }))
        .thenRejects(AccountError.NotOwner);
    });

    it('refuses a disabled account', () => {
      spec
        .given([...created, { type: 'AccountDisabled', data: { username } }])
        .when(cmd('ChangeOwnPassword', { passwordHash: hash2 }), self)
        .thenRejects(AccountError.Disabled);
    });
  });

  describe('sign-out', () => {
    it('ends the user’s sessions: the session version moves on', () => {
      spec
        .given(created)
        .when(cmd('EndSessions'), self)
        .then([{ type: 'AccountSessionsEnded', data: { username } }]);
      const state = [...created, { type: 'AccountSessionsEnded', data: { username } } as AccountEvent].reduce(
        accountDecider.evolve,
        accountDecider.initialState(),
      );
      expect(state.sessionVersion).toBe(
        created.reduce(accountDecider.evolve, accountDecider.initialState()).sessionVersion + 1,
      );
    });

    it('lets only the user end their own sessions', () => {
      spec.given(created).when(cmd('EndSessions')).thenRejects(AccountError.NotOwner);
    });
  });

  describe('sign-in and lockout', () => {
    it('records a sign-in', () => {
      spec
        .given(created)
        .when(cmd('RecordSignIn'))
        .then([{ type: 'AccountSignedIn', data: { username } }]);
    });

    it('refuses a sign-in of a disabled account', () => {
      spec
        .given([...created, { type: 'AccountDisabled', data: { username } }])
        .when(cmd('RecordSignIn'))
        .thenRejects(AccountError.Disabled);
    });

    it('refuses a sign-in while locked out', () => {
      spec
        .given([...created, lockedOut])
        .when(cmd('RecordSignIn'))
        .thenRejects(AccountError.Locked);
    });

    it('lets the account sign in once the lockout has expired', () => {
      const expired: AccountEvent = { type: 'AccountLockedOut', data: { username, until: minutesAgo(1) } };
      spec
        .given([...created, expired])
        .when(cmd('RecordSignIn'))
        .then([{ type: 'AccountSignedIn', data: { username } }]);
    });

    it('records a failure without locking below the limit', () => {
      const earlier = [1, 2, 3].map((m) => failedAt(minutesAgo(m)));
      spec
        .given([...created, ...earlier])
        .when(cmd('RecordSignInFailure'))
        .then([failedAt(now.toISOString())]);
    });

    it('locks the account at the fifth failure within the window', () => {
      const earlier = [1, 2, 3, 4].map((m) => failedAt(minutesAgo(m)));
      spec
        .given([...created, ...earlier])
        .when(cmd('RecordSignInFailure'))
        .then([
          failedAt(now.toISOString()),
          { type: 'AccountLockedOut', data: { username, until: minutesAgo(-15) } },
        ]);
    });

    it('does not count failures older than the window', () => {
      const earlier = [20, 30, 2, 3].map((m) => failedAt(minutesAgo(m)));
      spec
        .given([...created, ...earlier])
        .when(cmd('RecordSignInFailure'))
        .then([failedAt(now.toISOString())]);
    });

    it('forgets failures after a successful sign-in', () => {
      const earlier = [1, 2, 3, 4].map((m) => failedAt(minutesAgo(m)));
      spec
        .given([...created, ...earlier, { type: 'AccountSignedIn', data: { username } }])
        .when(cmd('RecordSignInFailure'))
        .then([failedAt(now.toISOString())]);
    });

    it('records nothing more while locked out', () => {
      spec
        .given([...created, lockedOut])
        .when(cmd('RecordSignInFailure'))
        .then([]);
    });

    it('refuses to record a sign-in for an account that does not exist', () => {
      spec.given([]).when(cmd('RecordSignIn')).thenRejects(AccountError.NotFound);
    });
  });
});
