import { SurgeDetected, type SurgeDetectedData } from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseCountersProjection } from '../counters/case-counters.projection';
import { CaseHistory, bj, project } from '../testing/case-history';
import { HotTopicsService } from './hot-topics.service';
import { SurgeAlerts } from './surge-alerts';

/**
 * Monday 7 December 2026, 09:00–10:00 Beijing. 台江 has 30 calls about a power cut in that hour every
 * Monday (a planned works window) and again today; 鼓楼 has one a Monday and 12 today. The city's 42
 * against its usual 31 is no surge (42 < 1.5 × 31); 鼓楼's 12 against its usual 1 is.
 */
function stormInGulou(): CaseHistory {
  const h = new CaseHistory('gulou');
  const content = '小区突然停电，家里老人需要用电';
  let n = 0;
  const call = (day: string, minute: number, districtId: string) =>
    h.registered(`C${(n += 1)}`, `${day} 09:${String(minute).padStart(2, '0')}`, {
      content,
      categoryCode: '070101',
      districtId,
    });
  for (const day of ['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07']) {
    for (let i = 0; i < 30; i += 1) call(day, i, 'taijiang');
    call(day, 59, 'gulou');
  }
  for (let i = 0; i < 11; i += 1) call('2026-12-07', 10 + i, 'gulou');
  return h;
}

const at = bj('2026-12-07 10:20');
const viewer = (districtId: string) => ({ actor: { id: 'u', role: 'center' as const }, districtId });
const query = { hours: 2, k: 3, weeks: 4, minCount: 10 };

describe('surges by district', () => {
  it("finds a storm in one district against that district's own baseline, the city's being too large", async () => {
    const store = await project(stormInGulou().events, [caseCountersProjection()]);
    const topics = new HotTopicsService(store, () => new Date(at));
    for (const districtId of ['city', 'gulou']) {
      const { surges } = await topics.surges({ ...query, viewer: viewer(districtId) });
      const category = surges.filter((surge) => surge.kind === 'category');
      expect(category).toHaveLength(1);
      expect(category[0]).toMatchObject({
        key: '070101',
        districtId: 'gulou',
        count: 12,
        baselineMean: 1,
        districtIds: ['gulou'],
        hour: '2026-12-07T01:00:00.000Z',
      });
      // The cluster is 鼓楼's twelve cases, none of 台江's thirty.
      expect(category[0]!.caseNumbers).toHaveLength(12);
    }
    // 台江's staff see no surge: their thirty are what every Monday brings.
    expect((await topics.surges({ ...query, viewer: viewer('taijiang') })).surges).toEqual([]);
  });

  it('reports a storm surging at both scopes once: the city its own, the district its own', async () => {
    const h = new CaseHistory('gulou');
    for (const day of ['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']) {
      h.registered(`B${day}`, `${day} 09:10`, { content: '五一路停电', categoryCode: '070101' });
    }
    for (let i = 0; i < 12; i += 1) {
      h.registered(`S${i}`, `2026-12-07 09:${String(i * 4).padStart(2, '0')}`, { categoryCode: '070101' });
    }
    const store = await project(h.events, [caseCountersProjection()]);
    const topics = new HotTopicsService(store, () => new Date(at));
    const city = (await topics.surges({ ...query, viewer: viewer('city') })).surges;
    const gulou = (await topics.surges({ ...query, viewer: viewer('gulou') })).surges;
    const categoryOf = (surges: typeof city) => surges.filter((surge) => surge.kind === 'category');
    expect(categoryOf(city).map((surge) => surge.districtId)).toEqual(['city']);
    expect(categoryOf(gulou).map((surge) => surge.districtId)).toEqual(['gulou']);
  });

  it("alerts a district's storm once per hour, naming the district, apart from the city's alerts", async () => {
    const store = await project(stormInGulou().events, [caseCountersProjection()]);
    const sent: { subject: string }[] = [];
    const events = SqliteEventStore.open({
      path: join(mkdtempSync(join(tmpdir(), 'hotline-district-surges-')), 'events.db'),
      durability: 'normal',
    });
    const alerts = new SurgeAlerts({
      topics: new HotTopicsService(store, () => new Date(at)),
      requests: { command: (_definition, _id, data) => (sent.push(data as never), Promise.resolve({})) },
      events,
      to: ['duty-supervisor@hotline.localhost'],
      minCount: 10,
      checkEveryMs: 60_000,
      name: (surge) => surge.key,
      districtName: (districtId) => Promise.resolve(districtId === 'gulou' ? '鼓楼区' : districtId),
      now: () => new Date(at),
    });
    await alerts.tick();
    await alerts.tick();
    const recorded = await events.readAll({ filter: { eventTypes: [SurgeDetected.type] } });
    const data = recorded.map((event) => event.data as SurgeDetectedData);
    const category = data.filter((alert) => alert.kind === 'category');
    expect(category).toHaveLength(1);
    expect(category[0]).toMatchObject({ districtId: 'gulou', districtIds: ['gulou'], count: 12 });
    expect(new Set(data.map((alert) => alert.alertId)).size).toBe(data.length);
    // The mail names the district whose own counts surged.
    expect(sent.map((notice) => notice.subject)).toContain(
      '【12345突发聚集】12月7日09时 鼓楼区分类「070101」',
    );
  });
});
