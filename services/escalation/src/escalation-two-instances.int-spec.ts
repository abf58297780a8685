import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaTime, chinaWorkingCalendar, type Clock } from '@hotline/contracts';
import { privateNats, type PrivateNats } from '@hotline/infra/bus/testing';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices, type RunningServices } from '@hotline/infra/platform';
import { createTemporaryDatabase, type TemporaryDatabase } from '@hotline/infra/postgres/testing';
import { escalationConfigSchema } from './escalation.config';
import { createEscalationService } from './escalation.module';

const CASES = 40;
const calendar = chinaWorkingCalendar();

class FakeClock implements Clock {
  constructor(public at: Date) {}
  now(): Date {
    return this.at;
  }
}

describe('two escalation instances on real NATS and PostgreSQL', () => {
  const dispatchedAt = chinaTime('2026-11-02', '09:00');
  const clock = new FakeClock(dispatchedAt);
  let dir: string;
  let nats: PrivateNats;
  let database: TemporaryDatabase;
  const instances: Array<{ platform: Platform; running: RunningServices }> = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hotline-escalation-int-'));
    nats = await privateNats(dir);
    database = await createTemporaryDatabase('escalation');
    const env = {
      HOTLINE_MODE: 'distributed',
      NATS_URL: nats.url,
      EVENT_STORE: 'postgres',
      POSTGRES_URL: database.url,
      READ_STORE: 'memory',
      HOTLINE_DATA_DIR: dir,
      HTTP_PORT: '0',
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    };
    const config = escalationConfigSchema.parse({
      ESCALATION_TICK_MS: '50',
      ESCALATION_AUTO_SUPERVISION: 'false',
    });
    for (let i = 0; i < 2; i++) {
      const platform = await Platform.open(
        'escalation',
        loadConfig(platformConfigSchema, env, 'escalation'),
        {
          clock,
        },
      );
      const running = await startServices(platform, [createEscalationService({ config })], {
        port: 0,
        host: '127.0.0.1',
        handleSignals: false,
      });
      instances.push({ platform, running });
    }
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) await instance.running.close();
    await nats?.stop();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fires every due point of every case exactly once between them', async () => {
    const store = instances[0]!.platform.eventStore;
    const signBy = calendar.addWorkingDays(dispatchedAt, 1).toISOString();
    for (let i = 0; i < CASES; i++) {
      await store.append(
        `case-n${i}`,
        [
          {
            id: `dispatch-n${i}`,
            type: 'CaseDispatched',
            version: 1,
            time: dispatchedAt.toISOString(),
            data: {
              caseId: `n${i}`,
              lead: { unitId: 'housing', signBy, returnBy: signBy },
              coHandlers: [],
              dueAt: calendar.addWorkingDays(dispatchedAt, 2).toISOString(),
              limitWorkingDays: 2,
            },
            metadata: {
              correlationId: `n${i}`,
              causationId: `n${i}`,
              actor: { id: 'agent-1', role: 'agent' },
              districtId: 'city',
            },
          },
        ],
        'noStream',
      );
    }
    // Both books fold the dispatches; then the deadline passes for all of them at once.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    clock.at = chinaTime('2026-11-04', '13:00');
    const expected = CASES * 4; // sign-by, return-by, due-soon, overdue
    const deadline = Date.now() + 30_000;
    let fired: Awaited<ReturnType<typeof store.readAll>> = [];
    while (Date.now() < deadline) {
      fired = await store.readAll({ filter: { eventTypes: ['CaseDeadlinePointReached'] } });
      if (fired.length >= expected) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // A moment more, so a doubled firing would have time to show.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    fired = await store.readAll({ filter: { eventTypes: ['CaseDeadlinePointReached'] } });
    const keys = fired.map((e) => {
      const data = e.data as { caseId: string; point: string; key: string };
      return `${data.caseId}/${data.point}/${data.key}`;
    });
    expect(new Set(keys).size).toBe(expected);
    expect(keys).toHaveLength(expected);
  }, 60_000);
});
