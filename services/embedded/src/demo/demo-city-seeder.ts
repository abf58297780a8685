import {
  CITY_DISTRICT,
  DEFAULT_DEADLINE_POLICY,
  WORKFLOW_SERVICE,
  chinaWorkingCalendar,
} from '@hotline/contracts';
import type { FileAttachmentStore } from '@hotline/infra/attachments';
import type { EventStore } from '@hotline/infra/event-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { DemoBus } from './demo-bus';
import { DemoCaseRunner } from './demo-case-runner';
import { seedDemoArticles, seedDemoContacts } from './demo-extras';
import { seedDemoPoll } from './demo-poll';
import { seedDemoRouting } from './demo-routing';
import { demoAdmin } from './demo-people';
import { planDemoCity, type DemoCase } from './demo-plan';
import { scheduleCase } from './demo-schedule';
import { seedDemoPhoneRecording } from './demo-phone-recording';
import { seedDemoCallRecording } from './demo-call-recording';
import { seedDemoStorm } from './demo-storm';
import { seedDemoWebMessage } from './demo-web-message';

/** Units the demo's matters need beyond the sample city the workflow seeds itself. */
export const DEMO_UNITS = [
  { unitId: 'hrss-bureau', name: '市人力资源和社会保障局' },
  { unitId: 'education-bureau', name: '市教育局' },
  { unitId: 'health-commission', name: '市卫生健康委员会' },
] as const;

const CONCURRENT_CASES = 8;
const DAY = 86_400_000;
const REACTION_WAIT_MS = 30_000;

export interface DemoCityReport {
  cases: number;
  failed: number;
  elapsedMs: number;
  /** True when a complete city was found in the store and no command was sent. */
  alreadyComplete: boolean;
}

export interface DemoCitySeederDeps {
  bus: DemoBus;
  logger: Logger;
  now: Date;
  /** The cases to create; default the whole demo plan (a test passes a few). */
  plan?: readonly DemoCase[];
  /** The gateway's attachment store: the web message's photo is kept there (none: no web message). */
  attachments?: FileAttachmentStore;
  /** The event store: the sipapp's record of a recorded call goes there (none: no recorded call). */
  events?: EventStore;
}

/**
 * Creates the demo city through the bus: its extra units, then every planned case, each walked
 * through its milestones by the same commands agents, units and the center send. Every command id
 * derives from the plan, so a second run (a seeding cut off earlier, resumed) is answered from the
 * first and appends only what is missing.
 */
export async function seedDemoCity(deps: DemoCitySeederDeps): Promise<DemoCityReport> {
  const started = performance.now();
  const { bus, logger, now, plan, attachments, events } = deps;
  await registerUnits(bus, new Date(now.getTime() - 40 * DAY));
  await seedDemoArticles(bus, new Date(now.getTime() - 35 * DAY));
  const cases = plan ?? planDemoCity();
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
  const repeated = await seedDemoContacts(bus, cases, now);
  await seedDemoRouting(bus, cases, now);
  await seedDemoStorm(bus, now);
  if (attachments !== undefined) {
    await seedDemoWebMessage(bus, attachments, now);
    await seedDemoPhoneRecording(bus, attachments, now, logger);
    // After the cases: the call's contact is one of theirs, registered as a case.
    if (events !== undefined) await seedDemoCallRecording(events, attachments, cases, now, logger);
  }
  // The poll is beside the cases: a refusal there is logged, and the city stands without it.
  await seedDemoPoll(bus, now).catch((error: unknown) =>
    logger.warn({ err: error }, 'demo poll not created'),
  );
  await reactionsRecorded(bus, [
    ...duplicates.map((d): [string, string] => [
      (cases[(d.masterN as number) - 1] as DemoCase).caseId,
      'CaseDuplicateLinked',
    ]),
    ...repeated.map((caseId): [string, string] => [caseId, 'CaseRepeatContactRecorded']),
  ]);
  return {
    cases: cases.length,
    failed,
    elapsedMs: Math.round(performance.now() - started),
    alreadyComplete: false,
  };
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
 * Process managers of the workflow react after the demo's commands: they link a merged duplicate to
 * its master and count a repeat contact on its case. The city is complete (and a restart has
 * nothing left to do) once each case's timeline shows them.
 */
async function reactionsRecorded(bus: DemoBus, expected: ReadonlyArray<[caseId: string, type: string]>) {
  const deadline = Date.now() + REACTION_WAIT_MS;
  const viewer = { actor: demoAdmin.actor, districtId: CITY_DISTRICT };
  const wanted = new Map<string, number>();
  for (const [caseId, type] of expected)
    wanted.set(`${caseId} ${type}`, (wanted.get(`${caseId} ${type}`) ?? 0) + 1);
  for (const [key, count] of wanted) {
    const [caseId, type] = key.split(' ') as [string, string];
    for (;;) {
      const timeline = (await bus.query(WORKFLOW_SERVICE, 'GetCaseTimeline', {
        viewer,
        caseId,
      })) as unknown as Array<{
        type: string;
      }>;
      if (timeline.filter((entry) => entry.type === type).length >= count) break;
      if (Date.now() > deadline) throw new Error(`${caseId} did not get its ${type} events`);
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
