import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@hotline/contracts';
import { startDistributedWorkflow, type DistributedWorkflow } from '../testing/distributed-workflow';
import {
  actors,
  envelope,
  refused,
  registration,
  untilReady,
  viewer,
  type Body,
} from '../testing/workflow-messages';

const { agent, center } = actors;
const HOUR_MS = 3_600_000;
/** The China Standard Time date of an instant. */
const chinaDate = (iso: string): string => new Date(Date.parse(iso) + 8 * HOUR_MS).toISOString().slice(0, 10);

describe('City settings over NATS [SQLite event store, FerretDB read store]', () => {
  let wf: DistributedWorkflow;

  beforeAll(async () => {
    wf = await startDistributedWorkflow();
    await untilReady(wf.url);
  });
  afterAll(() => wf?.close());

  const settings = (type: string, data: Body, actor: Body = center) =>
    wf.command<Body>(type, envelope(type, data, actor, 'city'));
  const register = async (overrides: Body = {}): Promise<string> => {
    const caseId = randomUUID();
    await wf.command(
      'RegisterCase',
      envelope('RegisterCase', registration(caseId, overrides), agent, 'taijiang'),
    );
    return caseId;
  };
  const eventOf = async (caseId: string, type: string): Promise<Body> => {
    const events: RecordedEvent[] = await wf.platform.eventStore.readStream(`case-${caseId}`);
    const event = events.find((e) => e.type === type);
    if (!event) throw new Error(`case ${caseId} has no ${type}`);
    return event.data as Body;
  };

  it('takes cases in a category the city defined, and refuses them once it is retired', async () => {
    const define = { code: '030199', name: '施工扬尘', nameEn: 'Construction dust', parentCode: '030100' };
    expect(await refused(settings('DefineCategory', define, agent))).toMatchObject({
      code: 'SETTINGS_ROLE_NOT_ALLOWED',
    });
    await settings('DefineCategory', define);
    expect(await refused(settings('DefineCategory', { ...define, code: '030101' }))).toMatchObject({
      code: 'SETTINGS_CATEGORY_EXISTS',
      field: 'code',
    });
    const caseId = await register({ categoryCode: '030199' });
    await settings('SetDispatchCatalogueEntry', { categoryCode: '030199', unitId: 'taijiang-yanghang' });
    expect(await eventOf(caseId, 'CaseRegistered')).toMatchObject({ categoryCode: '030199' });

    const retired = await settings('RetireCategory', { code: '030199' });
    const refusal = await refused(
      wf.command(
        'RegisterCase',
        envelope('RegisterCase', registration(randomUUID(), { categoryCode: '030199' }), agent, 'taijiang'),
      ),
    );
    expect(refusal).toMatchObject({
      code: 'CASE_CATEGORY_RETIRED',
      details: { field: 'categoryCode', categoryCode: '030199' },
    });
    const view = await wf.query<{ version: number; categories: Body[] }>('GetCategories', {
      viewer: viewer(),
      minPosition: retired.position,
    });
    expect(view.categories.find((c) => c.code === '030199')).toEqual({
      ...define,
      level: 3,
      active: false,
      source: 'city',
    });
    expect(view.version).toBe(2);
  });

  it('moves the deadlines of new cases past a city holiday, and never those already set', async () => {
    const before = await register();
    const { dispatchBy } = (await eventOf(before, 'CaseRegistered')) as { dispatchBy: string };
    // Every day from today to the old deadline becomes a holiday, so the new one must lie beyond.
    const days: string[] = [];
    for (
      let at = Date.now();
      chinaDate(new Date(at).toISOString()) <= chinaDate(dispatchBy);
      at += 24 * HOUR_MS
    ) {
      days.push(chinaDate(new Date(at).toISOString()));
    }
    for (const date of days)
      await settings('DeclareCalendarDay', { date, kind: 'holiday', name: '城市纪念日' });

    const after = await register();
    const moved = (await eventOf(after, 'CaseRegistered')) as { dispatchBy: string };
    expect(Date.parse(moved.dispatchBy)).toBeGreaterThan(Date.parse(dispatchBy));
    expect(days).not.toContain(chinaDate(moved.dispatchBy));
    expect(await eventOf(before, 'CaseRegistered')).toMatchObject({ dispatchBy });

    const calendar = await wf.query<{ days: Body[] }>('GetCalendar', {
      viewer: viewer(),
      year: Number(days[0]!.slice(0, 4)),
    });
    expect(calendar.days).toContainEqual({
      date: days[0],
      kind: 'holiday',
      name: '城市纪念日',
      source: 'city',
    });
    await settings('ClearCalendarDay', { date: days[0] });
    expect(await refused(settings('ClearCalendarDay', { date: days[0] }))).toMatchObject({
      code: 'SETTINGS_NO_CITY_DAY',
      field: 'date',
    });
  });

  it('gives cases registered after a new limit that limit, and older cases their own', async () => {
    const dispatch = (caseId: string) =>
      wf.command(
        'DispatchCase',
        envelope('DispatchCase', { caseId, leadUnitId: 'taijiang-yanghang' }, center, 'city'),
      );
    const earlier = await register();
    await dispatch(earlier);
    expect(await eventOf(earlier, 'CaseDispatched')).toMatchObject({ limitWorkingDays: 10 });
    const waiting = await register();

    expect(
      await refused(settings('SetDeadlineLimit', { caseType: 'complaint', workingDays: 7.25 })),
    ).toMatchObject({
      field: 'data.workingDays',
    });
    await settings('SetDeadlineLimit', { caseType: 'complaint', workingDays: 7.5 });
    const later = await register();
    await dispatch(later);
    expect(await eventOf(later, 'CaseDispatched')).toMatchObject({ limitWorkingDays: 7.5 });
    expect(await eventOf(earlier, 'CaseDispatched')).toMatchObject({ limitWorkingDays: 10 });
    // Registered before the change, dispatched after it: the limit in force at registration.
    await dispatch(waiting);
    expect(await eventOf(waiting, 'CaseDispatched')).toMatchObject({ limitWorkingDays: 10 });

    const limits = await wf.query<{ limits: Body[]; yellowWithinWorkingDays: number }>('GetDeadlineLimits', {
      viewer: viewer(),
    });
    expect(limits.limits).toContainEqual({ caseType: 'complaint', workingDays: 7.5, source: 'city' });
    expect(limits.limits).toContainEqual({ caseType: 'consult', workingDays: 2, source: 'default' });
    expect(limits.yellowWithinWorkingDays).toBe(1);
  });
});
