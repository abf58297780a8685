import { DEMO_PASSWORD } from '../account/account-seed';

/** Request headers of a signed-in test user: the session cookies and the CSRF header. */
export interface SessionHeaders extends Record<string, string> {
  cookie: string;
  'x-csrf-token': string;
}

const cookiesOf = (response: Response): string =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => !c.endsWith('='))
    .join('; ');

/** Signs in through `POST /api/auth/sign-in` (a demo account by default) and answers its headers. */
export async function signIn(
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<SessionHeaders> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    throw new Error(`sign-in of ${username} answered ${response.status}: ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: cookiesOf(response), 'x-csrf-token': csrfToken };
}

/**
 * A signed-in account of `scope` for tests that need one the demo data lacks: the demo city admin
 * opens it, then it signs in and sets its own password (new accounts must change theirs).
 */
export async function signInAs(
  baseUrl: string,
  scope: { username: string; role: string; districtId: string; unitId?: string },
): Promise<SessionHeaders> {
  const password = 'Test-Passw0rd!';
  const admin = await signIn(baseUrl, 'city-admin');
  const created = await fetch(`${baseUrl}/api/accounts`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({
      commandId: `test-account-${scope.username}`,
      displayName: scope.username,
      ...scope,
      password,
    }),
  });
  if (created.status !== 201 && created.status !== 200) {
    throw new Error(`creating ${scope.username} answered ${created.status}: ${await created.text()}`);
  }
  const first = await signIn(baseUrl, scope.username, password).catch(() => undefined);
  if (!first) return signIn(baseUrl, scope.username, `${password}x`);
  const changed = await fetch(`${baseUrl}/api/auth/password`, {
    method: 'POST',
    headers: { ...first, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: password, newPassword: `${password}x` }),
  });
  if (changed.status !== 204)
    throw new Error(`password change answered ${changed.status}: ${await changed.text()}`);
  return signIn(baseUrl, scope.username, `${password}x`);
}
