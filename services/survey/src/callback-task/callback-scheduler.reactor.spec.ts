import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chinaWorkingCalendar } from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { reactionTo } from '@hotline/infra/reactor';
import { callbackScheduler, routineTaskId } from './callback-scheduler.reactor';
import { CallbackTaskCommands } from './callback-task-commands';
import { SurveyLinkSigner } from './survey-link';

const AGENT = { id: 'agent-7', role: 'agent' } as const;

describe('the callback scheduler on a history it never saw', () => {
  const store = SqliteEventStore.open({
    path: join(mkdtempSync(join(tmpdir(), 'hotline-survey-')), 'events.db'),
    durability: 'normal',
  });
  const clock = { now: () => new Date('2026-12-07T02:00:00.000Z') };
  const tasks = new CallbackTaskCommands({
    commandDeps: { store, clock },
    rules: {
      byType: {},
      byChannel: {},
      fallback: 'desk',
      maxAttempts: 3,
      retryAfterMinutes: 60,
      linkValidHours: 72,
      sms: { maxTries: 3, retryMinutes: 5, fallback: 'desk' },
      calendar: chinaWorkingCalendar(),
    },
    signer: new SurveyLinkSigner('a-secret-of-sixteen-chars'),
  });
  const spec = callbackScheduler(store, tasks, { seed: 's', byUnit: {}, fallback: 0 });

  async function caseStream(caseId: string, types: string[]) {
    const metadata = { correlationId: caseId, causationId: caseId, actor: AGENT, districtId: 'gulou' };
    const data: Record<string, Record<string, unknown>> = {
      CaseRegistered: {
        caseNumber: `N-${caseId}`,
        type: 'complaint',
        channel: 'phone',
        categoryCode: '010102',
        citizen: { phone: '13800000000' },
      },
    };
    await store.append(
      `case-${caseId}`,
      types.map((type) => ({
        id: randomUUID(),
        type,
        version: 1,
        data: { caseId, ...data[type] },
        metadata,
        time: '2026-12-01T02:00:00.000Z',
      })),
      'noStream',
    );
    return store.readStream(`case-${caseId}`);
  }

  it('schedules no routine task for a completion the case has since moved past, and refuses nothing', async () => {
    const caseId = `c-${randomUUID()}`;
    const events = await caseStream(caseId, ['CaseRegistered', 'CaseCompleted', 'CaseClosed']);
    const completed = events.find((e) => e.type === 'CaseCompleted')!;
    await expect(spec.react(reactionTo(spec, completed))).resolves.toBeUndefined();
    expect(await store.readStreamOrEmpty(`callbackTask-${routineTaskId(caseId, 1)}`)).toEqual([]);
  });

  it('schedules the routine task of a case still completed', async () => {
    const caseId = `c-${randomUUID()}`;
    const events = await caseStream(caseId, ['CaseRegistered', 'CaseCompleted']);
    const completed = events.find((e) => e.type === 'CaseCompleted')!;
    await spec.react(reactionTo(spec, completed));
    const task = await store.readStreamOrEmpty(`callbackTask-${routineTaskId(caseId, 1)}`);
    expect(task.map((e) => e.type)).toContain('CallbackTaskScheduled');
  });
});
