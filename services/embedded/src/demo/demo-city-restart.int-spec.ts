import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoBus } from './demo-bus';
import { DEMO_CITY_SEEDED, DEMO_CITY_STREAM } from './demo-city-marker';
import { planDemoCity } from './demo-plan';
import { startWithDemo } from './testing/start-with-demo';

/** A few cases of the real plan (originals, one overdue among them): fast, and every step of the seeder runs. */
const PLAN = planDemoCity()
  .filter((c) => c.masterN === undefined)
  .filter((c, i) => i < 5 || c.scenario === 'in-progress-red')
  .slice(0, 6);

/** Counts the commands the seeder sends; after `stopAfter` of them every further one fails, like a stopped process. */
const send = DemoBus.prototype.command;
let sent = 0;
let stopAfter = Number.POSITIVE_INFINITY;
jest.spyOn(DemoBus.prototype, 'command').mockImplementation(function (this: DemoBus, ...args) {
  sent += 1;
  if (sent > stopAfter) return Promise.reject(new Error('the seeding process stopped (test)'));
  return send.apply(this, args);
});

const start = (dir: string) => startWithDemo(dir, PLAN);

async function untilReady(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await fetch(`${url}/health/ready`)).status !== 200) {
    if (Date.now() > deadline) throw new Error('not ready within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('The demo city across restarts [embedded, demo on, a few cases: in-process bus, SQLite]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-demo-restart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resumes a seeding cut off half-way, then sends no command at the next restart', async () => {
    // 1. The first start stops after 12 commands: units and articles sent, the cases not.
    stopAfter = 12;
    const cut = await start(dir);
    await expect(cut.created).rejects.toThrow('stopped (test)');
    const marker = () => cut.running.platform.eventStore.readStreamOrEmpty(DEMO_CITY_STREAM);
    expect(await marker()).toEqual([]);
    await cut.running.close();

    // 2. The next start finds no marker, sends the commands again and finishes the city.
    stopAfter = Number.POSITIVE_INFINITY;
    sent = 0;
    const resumed = await start(dir);
    const report = await resumed.created;
    expect(report).toMatchObject({ cases: PLAN.length, failed: 0, alreadyComplete: false });
    expect(sent).toBeGreaterThan(12);
    const seeded = await resumed.running.platform.eventStore.readStreamOrEmpty(DEMO_CITY_STREAM);
    expect(seeded.map((e) => e.type)).toEqual([DEMO_CITY_SEEDED]);
    for (const demo of PLAN) {
      const first = await resumed.running.platform.eventStore.readStreamOrEmpty(`case-${demo.caseId}`, {
        maxCount: 1,
      });
      expect([demo.caseId, first.length]).toEqual([demo.caseId, 1]);
    }
    const head = await resumed.running.platform.eventStore.headPosition();
    await resumed.running.close();

    // 3. A restart of the complete city sends nothing, appends nothing, and is ready.
    sent = 0;
    const restarted = await start(dir);
    try {
      expect(await restarted.created).toMatchObject({ failed: 0, alreadyComplete: true });
      expect(sent).toBe(0);
      await untilReady(restarted.running.url);
      // The workflow may still react to the seeding after it finished (its own events); nothing of the demo's.
      const later = await restarted.running.platform.eventStore.readAll({ fromPosition: head });
      expect(later.filter((e) => e.metadata.commandId?.startsWith('demo'))).toEqual([]);
    } finally {
      await restarted.running.close();
    }
  }, 120_000);
});
