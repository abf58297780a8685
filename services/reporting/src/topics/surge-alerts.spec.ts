import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SurgeDetected, type SurgeDetectedData } from '@hotline/contracts';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { caseCountersProjection } from '../counters/case-counters.projection';
import { CaseHistory, bj, project } from '../testing/case-history';
import { HotTopicsService } from './hot-topics.service';
import { SurgeAlerts, surgeNoticeId } from './surge-alerts';

/**
 * Monday 7 December 2026, 09:00–10:00 Beijing: 12 calls about a power cut on 五一路; the four Mondays
 * before, one such call in that hour each (mean 1, σ floor 1: threshold 4, and 12 ≥ 1.5 × 1).
 */
function powerCut(): CaseHistory {
  const h = new CaseHistory('gulou');
  const content = '五一路小区突然停电，家里老人需要用电';
  for (const day of ['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']) {
    h.registered(`B${day}`, `${day} 09:10`, { content, categoryCode: '070101' });
  }
  for (let i = 0; i < 12; i += 1) {
    h.registered(`S${i}`, `2026-12-07 09:${String(i * 4).padStart(2, '0')}`, {
      content,
      categoryCode: '070101',
    });
  }
  return h;
}

const eventStore = () =>
  SqliteEventStore.open({
    path: join(mkdtempSync(join(tmpdir(), 'hotline-surges-')), 'events.db'),
    durability: 'normal',
  });

describe('surge alerts', () => {
  it('mails each new surge once per address, with its cases and the announcement', async () => {
    const store = await project(powerCut().events, [caseCountersProjection()]);
    const now = () => new Date(bj('2026-12-07 10:20'));
    // A recording stand-in for the bus (the digest's e2e test sends through intake and a real relay).
    const sent: Record<string, string>[] = [];
    const alerts = new SurgeAlerts({
      topics: new HotTopicsService(store, now),
      requests: { command: (_definition, _id, data) => (sent.push(data as never), Promise.resolve({})) },
      events: eventStore(),
      to: ['duty-supervisor@hotline.localhost', 'leader@hotline.localhost'],
      minCount: 10,
      checkEveryMs: 60_000,
      name: (surge) => surge.key,
      now,
    });
    await alerts.tick();
    await alerts.tick();
    const term = sent.filter((notice) => notice.subject!.includes('关键词「停电」'));
    expect(term.map((notice) => notice.to)).toEqual([
      'duty-supervisor@hotline.localhost',
      'leader@hotline.localhost',
    ]);
    expect(term[0]).toMatchObject({
      channel: 'email',
      noticeId: surgeNoticeId(
        { kind: 'term', key: '停电', hour: '2026-12-07T01:00:00.000Z' },
        'duty-supervisor@hotline.localhost',
      ),
      subject: '【12345突发聚集】12月7日09时 关键词「停电」',
    });
    expect(term[0]!.text).toContain('相关来电12件，常态约1件');
    expect(term[0]!.text).toContain('建议IVR插播');
    expect(term[0]!.text).toContain('涉及工单（12件）：');
    // Seen again at the next check: nobody hears of it twice.
    expect(new Set(sent.map((notice) => notice.noticeId)).size).toBe(sent.length);
  });

  it('records one SurgeDetected per surge and hour, however many checks and replicas see it', async () => {
    const store = await project(powerCut().events, [caseCountersProjection()]);
    const events = eventStore();
    const replica = () =>
      new SurgeAlerts({
        topics: new HotTopicsService(store, () => new Date(bj('2026-12-07 10:20'))),
        requests: { command: () => Promise.resolve({}) },
        events,
        to: [],
        minCount: 10,
        checkEveryMs: 60_000,
        name: (surge) => (surge.kind === 'category' ? '停电' : surge.key),
        now: () => new Date(),
      });
    const [first, second] = [replica(), replica()];
    await Promise.all([first.tick(), second.tick()]);
    await first.tick();
    const recorded = await events.readAll({ filter: { eventTypes: [SurgeDetected.type] } });
    const alerts = recorded.map((event) => event.data as SurgeDetectedData);
    // One per surging key of that hour (the category, the keyword 停电, the place 五一路), never twice.
    expect(new Set(alerts.map((alert) => alert.alertId)).size).toBe(alerts.length);
    const term = alerts.find((alert) => alert.kind === 'term' && alert.key === '停电');
    expect(term).toMatchObject({
      hour: '2026-12-07T01:00:00.000Z',
      count: 12,
      caseCount: 12,
      districtIds: ['gulou'],
    });
    // The storm surged at the city's scope: its alert names no district and keeps its old id.
    expect(term).not.toHaveProperty('districtId');
    expect(
      recorded.every((event) => event.streamId === `surge-${(event.data as SurgeDetectedData).alertId}`),
    ).toBe(true);
  });
});
