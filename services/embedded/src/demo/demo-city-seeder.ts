import {
  CITY_DISTRICT,
  DEFAULT_DEADLINE_POLICY,
  WORKFLOW_SERVICE,
  chinaWorkingCalendar,
} from '@hotline/contracts';
import type { Logger } from '@hotline/infra/telemetry';
import type { DemoBus } from './demo-bus';
import { DemoCaseRunner } from './demo-case-runner';
import { demoAdmin } from './demo-people';
import { planDemoCity, type DemoCase } from './demo-plan';
import { scheduleCase } from './demo-schedule';

/** Units the demo's matters need beyond the sample city the workflow seeds itself. */
const DEMO_UNITS = [
  { unitId: 'hrss-bureau', name: '市人力资源和社会保障局' },
  { unitId: 'education-bureau', name: '市教育局' },
  { unitId: 'health-commission', name: '市卫生健康委员会' },
] as const;

const CONCURRENT_CASES = 8;
const DAY = 86_400_000;
const LINK_WAIT_MS = 30_000;

export interface DemoCityReport {
  cases: number;
  failed: number;
  elapsedMs: number;
}

export interface DemoCitySeederDeps {
  bus: DemoBus;
  logger: Logger;
  now: Date;
}

/**
 * Creates the demo city through the bus: its extra units, then every planned case, each walked
 * through its milestones by the same commands agents, units and the center send. Every command id
 * derives from the plan, so a second run (a restart) is answered from the first and appends nothing.
 */
export async function seedDemoCity(deps: DemoCitySeederDeps): Promise<DemoCityReport> {
  const started = performance.now();
  const { bus, logger, now } = deps;
  await registerUnits(bus, new Date(now.getTime() - 40 * DAY));
  const cases = planDemoCity();
  const context = { now, calendar: chinaWorkingCalendar(), policy: DEFAULT_DEADLINE_POLICY };
  const runner = (): DemoCaseRunner => new DemoCaseRunner(bus, context.calendar, now);
  const starts = new Map<number, Date>();
  let failed = 0;
  let done = 0;
  const runOne = async (demo: DemoCase): Promise<void> => {
    const master = demo.masterN === undefined ? undefined : cases[demo.masterN - 1];
    const times = scheduleCase(demo, context, master ? starts.get(master.n) : undefined);
    starts.set(demo.n, times[0] as Date);
    try {
      await runner().run(demo, times, master?.caseId);
    } catch (error) {
      failed += 1;
      logger.warn({ err: error, caseId: demo.caseId, scenario: demo.scenario }, 'demo case not created');
    }
    done += 1;
    if (done % 50 === 0) logger.info({ done, of: cases.length }, 'demo city: cases created');
  };
  // Duplicates repeat cases that must exist first.
  await inPool(
    cases.filter((c) => c.masterN === undefined),
    CONCURRENT_CASES,
    runOne,
  );
  const duplicates = cases.filter((c) => c.masterN !== undefined);
  await inPool(duplicates, CONCURRENT_CASES, runOne);
  await duplicatesLinked(bus, duplicates, cases);
  return { cases: cases.length, failed, elapsedMs: Math.round(performance.now() - started) };
}

async function registerUnits(bus: DemoBus, at: Date): Promise<void> {
  let position = 0;
  for (const { unitId, name } of DEMO_UNITS) {
    const reply = await bus.command(
      WORKFLOW_SERVICE,
      'RegisterUnit',
      `demo:unit:${unitId}`,
      demoAdmin,
      {
        unitId,
        name,
        level: 'city',
        parentId: 'city',
      },
      at,
    );
    position = Math.max(position, Number(reply.position ?? 0));
  }
  // Dispatches check units against the directory: wait until it lists the new ones.
  await bus.query(WORKFLOW_SERVICE, 'ListUnits', {
    viewer: { actor: demoAdmin.actor, districtId: CITY_DISTRICT },
    minPosition: position,
  });
}

/**
 * The workflow links a merged duplicate to its master in a process manager, after the merge: the
 * city is complete (and a restart has nothing left to do) once every master lists its duplicates.
 */
async function duplicatesLinked(bus: DemoBus, duplicates: DemoCase[], cases: DemoCase[]): Promise<void> {
  const deadline = Date.now() + LINK_WAIT_MS;
  const viewer = { actor: demoAdmin.actor, districtId: CITY_DISTRICT };
  const expected = new Map<string, number>();
  for (const duplicate of duplicates) {
    const master = cases[(duplicate.masterN as number) - 1] as DemoCase;
    expected.set(master.caseId, (expected.get(master.caseId) ?? 0) + 1);
  }
  for (const [caseId, links] of expected) {
    for (;;) {
      const timeline = (await bus.query(WORKFLOW_SERVICE, 'GetCaseTimeline', {
        viewer,
        caseId,
      })) as unknown as Array<{ type: string }>;
      if (timeline.filter((entry) => entry.type === 'CaseDuplicateLinked').length >= links) break;
      if (Date.now() > deadline) throw new Error(`the duplicates of ${caseId} were not linked to it`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
