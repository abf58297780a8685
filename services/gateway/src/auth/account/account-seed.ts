import { createHash } from 'node:crypto';
import { CITY_DISTRICT, systemActor, type AccountScope, type CreateAccount } from '@hotline/contracts';
import type { z } from 'zod';
import type { Logger } from '@hotline/infra/telemetry';
import type { AccountService } from './account-service';
import { hashPassword } from './password-hash';

/** The password of every demo account (the auth contract's). */
export const DEMO_PASSWORD = 'Hotline@12345';

interface SeedAccount {
  username: string;
  displayName: string;
  scope: AccountScope;
}

const city = (role: AccountScope['role']): AccountScope => ({ role, districtId: CITY_DISTRICT });

/**
 * Demo accounts of every role. The unit ids are those of the sample city (services/workflow's
 * sample-city.ts), repeated here as data because the gateway may not import the workflow.
 */
export const DEMO_ACCOUNTS: readonly SeedAccount[] = [
  { username: 'agent', displayName: '演示坐席', scope: city('agent') },
  { username: 'supervisor', displayName: '演示班长', scope: city('supervisor') },
  { username: 'center', displayName: '演示热线办', scope: city('center') },
  { username: 'city-admin', displayName: '演示市管理员', scope: city('city-admin') },
  { username: 'auditor', displayName: '演示审计员', scope: city('auditor') },
  { username: 'leader', displayName: '演示市领导', scope: city('leader') },
  {
    username: 'district-admin-gulou',
    displayName: '鼓楼区管理员',
    scope: { role: 'district-admin', districtId: 'gulou' },
  },
  {
    username: 'unit-handler-housing',
    displayName: '住建局承办人',
    scope: { role: 'unit-handler', districtId: CITY_DISTRICT, unitId: 'housing-bureau' },
  },
  {
    username: 'unit-leader-housing',
    displayName: '住建局领导',
    scope: { role: 'unit-leader', districtId: CITY_DISTRICT, unitId: 'housing-bureau' },
  },
  {
    username: 'unit-handler-gulou-dongjie',
    displayName: '东街街道承办人',
    scope: { role: 'unit-handler', districtId: 'gulou', unitId: 'gulou-dongjie' },
  },
];

const SEEDER = systemActor('gateway-seed');

/** Deterministic, so a restart repeats the same command and the store answers it idempotently. */
const seedCommandId = (username: string): string =>
  `seed-account-${createHash('sha1').update(username).digest('hex').slice(0, 24)}`;

async function ensure(
  accounts: AccountService,
  account: SeedAccount,
  password: string,
  mustChangePassword: boolean,
): Promise<boolean> {
  // The hash is salted, so a repeat would carry other data: skip accounts that exist instead.
  if ((await accounts.load(account.username)).exists) return false;
  const data: z.infer<typeof CreateAccount.schema> = {
    username: account.username,
    displayName: account.displayName,
    ...account.scope,
    passwordHash: await hashPassword(password),
    mustChangePassword,
  };
  await accounts.execute(
    { type: 'CreateAccount', data },
    { actor: SEEDER, districtId: CITY_DISTRICT, commandId: seedCommandId(account.username) },
    { waitForReadModel: false },
  );
  return true;
}

/**
 * Creates `admin` (city-admin, the configured password, to be changed at first sign-in) and, with
 * demo data on, the demo accounts; through the same commands as any account, only when missing.
 */
export async function seedAccounts(
  accounts: AccountService,
  options: { adminPassword: string; demo: boolean; logger?: Logger },
): Promise<number> {
  let created = 0;
  const admin: SeedAccount = { username: 'admin', displayName: '系统管理员', scope: city('city-admin') };
  if (await ensure(accounts, admin, options.adminPassword, true)) created++;
  if (options.demo) {
    for (const account of DEMO_ACCOUNTS) {
      if (await ensure(accounts, account, DEMO_PASSWORD, false)) created++;
    }
  }
  if (created > 0) options.logger?.info({ created }, 'accounts seeded');
  return created;
}
