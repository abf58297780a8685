/**
 * `npm run accounts:import -- <file.csv|file.json>`: opens the accounts of a file through the
 * gateway's API, as an admin would one by one (docs/operations.md, "First run").
 *
 * - Every line is checked first (the same schemas as the gateway's commands); one bad line and
 *   nothing is imported: each problem is printed as `line N: field: reason`, and the exit code is 1.
 * - Idempotent: accounts that exist are left alone and reported; each new one is created with the
 *   command id `import-account:<username>`, so a run cut short can simply be run again.
 * - An account without a `password` gets a generated one, printed once as `username<TAB>password`
 *   for the operator to hand over; every imported account must change its password at first sign-in.
 *
 * Env: HOTLINE_URL (default http://localhost:3000), HOTLINE_IMPORT_USERNAME and
 * HOTLINE_IMPORT_PASSWORD (a city admin, or a district admin for accounts of that district).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { readAccountRows } from './account-rows';

type Session = Record<string, string>;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n`);
  process.exit(1);
};

async function signIn(base: string, username: string, password: string): Promise<Session> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200)
    fail(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .filter((c) => !c.endsWith('='))
    .join('; ');
  return { cookie, 'x-csrf-token': csrfToken };
}

/** 3 of 4 classes and 22 random characters: meets the password policy whatever the username. */
const generatedPassword = (): string => `Hl-${randomBytes(16).toString('base64url')}7`;

async function main(): Promise<void> {
  const file = process.argv[2] ?? fail('usage: npm run accounts:import -- <accounts.csv|accounts.json>');
  const format = extname(file).toLowerCase() === '.json' ? 'json' : 'csv';
  const { rows, problems } = readAccountRows(readFileSync(file, 'utf8'), format);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`line ${p.line}: ${p.field}: ${p.reason}\n`);
    fail(`${problems.length} problem(s) in ${file}: nothing was imported`);
  }
  const base = (process.env.HOTLINE_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const session = await signIn(
    base,
    process.env.HOTLINE_IMPORT_USERNAME ?? fail('HOTLINE_IMPORT_USERNAME is required'),
    process.env.HOTLINE_IMPORT_PASSWORD ?? fail('HOTLINE_IMPORT_PASSWORD is required'),
  );
  const listed = await fetch(`${base}/api/accounts`, { headers: session });
  if (listed.status !== 200) fail(`listing the accounts failed: ${listed.status} ${await listed.text()}`);
  const existing = new Set(((await listed.json()) as Array<{ username: string }>).map((a) => a.username));
  let created = 0;
  let failed = 0;
  for (const row of rows) {
    if (existing.has(row.username)) {
      process.stderr.write(`${row.username}: exists, left unchanged\n`);
      continue;
    }
    const password = row.password ?? generatedPassword();
    const response = await fetch(`${base}/api/accounts`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ ...row, password, commandId: `import-account:${row.username}` }),
    });
    if (response.status === 201 || response.status === 200) {
      created++;
      if (row.password === undefined) process.stdout.write(`${row.username}\t${password}\n`);
    } else {
      failed++;
      process.stderr.write(`${row.username}: refused: ${response.status} ${await response.text()}\n`);
    }
  }
  process.stderr.write(`${created} created, ${rows.length - created - failed} existed, ${failed} refused\n`);
  if (failed > 0) process.exit(1);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
