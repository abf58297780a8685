import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { storeSource } from '@hotline/infra/projection';
import { MongoReadStore, SqliteReadStore, type ReadStore } from '@hotline/infra/read-store';
import { AccountService } from './account-service';
import { DEMO_ACCOUNTS, seedAccounts } from './account-seed';

const url = process.env.FERRETDB_URL;
const run = `${process.pid}_${Date.now().toString(36)}`;
const admin = {
  actor: { id: 'user:city-admin', role: 'center', gatewayRole: 'city-admin' },
  districtId: 'city',
};

/** Accounts seeded, changed and locked, as each read store holds them afterwards. */
async function accountsIn(events: SqliteEventStore, readStore: ReadStore): Promise<unknown[]> {
  const accounts = new AccountService({
    commandDeps: { store: events, clock: { now: () => new Date('2026-03-02T09:00:00Z') } },
    readStore,
    source: storeSource(events),
    lockout: { maxFailures: 2, windowMs: 60_000, durationMs: 60_000 },
    readAfterWriteTimeoutMs: 10_000,
  });
  await accounts.start();
  await accounts.caughtUp();
  const documents = await accounts.list({});
  await accounts.stop();
  return documents.map(({ lastSignInAt: _at, createdAt: _created, ...rest }) => rest);
}

describe(`accounts read model in memory and FerretDB${url ? '' : ' — FerretDB skipped: FERRETDB_URL not set'}`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-accounts-'));
  let events: SqliteEventStore;
  const mongo: MongoReadStore[] = [];

  beforeAll(async () => {
    events = SqliteEventStore.open({ path: join(dir, 'events.db'), durability: 'normal' });
    const writer = new AccountService({
      commandDeps: { store: events, clock: { now: () => new Date('2026-03-02T09:00:00Z') } },
      readStore: SqliteReadStore.inMemory(),
      source: storeSource(events),
      lockout: { maxFailures: 2, windowMs: 60_000, durationMs: 60_000 },
      readAfterWriteTimeoutMs: 10_000,
    });
    await writer.start();
    await seedAccounts(writer, { adminPassword: 'Initial-Admin-1', demo: true });
    expect(await seedAccounts(writer, { adminPassword: 'Initial-Admin-1', demo: true })).toBe(0);
    const sign = { actor: systemActor('gateway-sign-in'), districtId: 'city' };
    await writer.execute({ type: 'DisableAccount', data: { username: 'auditor' } }, admin);
    await writer.execute(
      { type: 'ChangeAccountScope', data: { username: 'agent', role: 'center', districtId: 'city' } },
      admin,
    );
    for (let i = 0; i < 2; i++) {
      await writer.execute({ type: 'RecordSignInFailure', data: { username: 'supervisor' } }, sign);
    }
    await writer.stop();
  });
  afterAll(async () => {
    for (const store of mongo) {
      await store.dropDatabase();
      await store.close();
    }
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds every account with its scope, status, session version and lockout, and never a hash', async () => {
    const documents = await accountsIn(events, SqliteReadStore.inMemory());
    expect(documents).toHaveLength(DEMO_ACCOUNTS.length + 1); // and the admin
    expect(JSON.stringify(documents)).not.toContain('scrypt$');
    const byName = new Map(documents.map((d) => [(d as { _id: string })._id, d]));
    expect(byName.get('admin')).toMatchObject({
      role: 'city-admin',
      mustChangePassword: true,
      sessionVersion: 1,
    });
    expect(byName.get('auditor')).toMatchObject({ enabled: false, sessionVersion: 2 });
    expect(byName.get('agent')).toMatchObject({ role: 'center', sessionVersion: 2 });
    expect(byName.get('supervisor')).toMatchObject({ lockedUntil: '2026-03-02T09:01:00.000Z' });
    expect(byName.get('unit-handler-gulou-dongjie')).toMatchObject({
      districtId: 'gulou',
      unitId: 'gulou-dongjie',
    });
  });

  (url ? it : it.skip)('builds the same documents in FerretDB', async () => {
    const store = await MongoReadStore.connect(url ?? '', `accounts_${run}`);
    mongo.push(store);
    expect(await accountsIn(events, store)).toEqual(await accountsIn(events, SqliteReadStore.inMemory()));
  });
});
