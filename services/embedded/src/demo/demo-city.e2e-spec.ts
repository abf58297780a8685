import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseDetailView, CaseSearchResult, CaseTimelineEntry } from '@hotline/contracts';
import { signIn, type SessionHeaders } from '@hotline/gateway/testing';
import { planDemoCity } from './demo-plan';
import { DEMO_SCENARIOS, type DemoScenario } from './demo-scenarios';
import { DEMO_STORM } from './demo-storm';
import { startWithDemo as startEmbedded, type StartedWithDemo as Started } from './testing/start-with-demo';

type Check = (detail: CaseDetailView, timeline: string[]) => boolean;

/** What each state of the closed loop looks like through the API. */
const STATE_CHECKS: Record<DemoScenario, Check> = {
  registered: (d) => d.status === 'registered',
  'answered-at-intake': (d, t) => d.status === 'closed' && t.includes('CaseAnsweredAtIntake'),
  declined: (d) => d.status === 'declined',
  'declined-emergency': (d, t) => d.status === 'declined' && t.some((s) => /emergency-1(19|20)/.test(s)),
  dispatched: (d) => d.status === 'dispatched',
  returned: (d) => d.status === 'returned' && d.returnCount === 1,
  redispatched: (d, t) => d.status === 'signed' && t.includes('CaseRedispatched'),
  'sub-dispatched': (d, t) => d.status === 'signed' && t.includes('CaseSubDispatched'),
  'in-progress': (d) => d.status === 'signed' && d.colour === 'green',
  'in-progress-yellow': (d) => d.status === 'signed' && d.colour === 'yellow',
  'in-progress-red': (d) => d.status === 'signed' && d.colour === 'red' && d.overdue,
  'extension-requested': (d) => d.pendingExtension !== undefined,
  'extension-approved': (d) => d.status === 'signed' && d.extendedWorkingDays > 0,
  'extension-rejected': (d, t) => d.status === 'signed' && t.includes('CaseExtensionRejected'),
  replied: (d) => d.status === 'replied',
  'sent-back': (d, t) => d.status === 'signed' && t.includes('CaseReplySentBack'),
  completed: (d) => d.status === 'completed',
  closed: (d) => d.status === 'closed' && d.lastCallback?.ratings?.result !== 'dissatisfied',
  'closed-without-callback': (d) => d.status === 'closed' && d.lastCallback === undefined,
  'redo-closed': (d) => d.status === 'closed' && d.redoCount === 1,
  'redo-in-progress': (d) => d.status === 'signed' && d.redoCount === 1,
  merged: (d) => d.status === 'merged' && d.masterCaseId !== undefined,
};

describe('The demo city [embedded, demo on: in-process bus, SQLite]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-demo-e2e-'));
  let started: Started;
  let center: SessionHeaders;
  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${started.running.url}/api/${path}`, { headers: center });
    if (response.status !== 200)
      throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const ready = () => fetch(`${started.running.url}/health/ready`);

  beforeAll(async () => {
    started = await startEmbedded(dir);
  });
  afterAll(async () => {
    await started.running.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is not ready until the demo city exists, then ready with every planned case created', async () => {
    const early = await ready();
    const report = await started.created;
    expect(early.status).toBe(503);
    expect(await early.json()).toMatchObject({ checks: { 'demo-city': { status: 'failed' } } });
    expect(report).toMatchObject({ cases: planDemoCity().length, failed: 0 });
    expect((await ready()).status).toBe(200);
    // The demo account of the hotline center (the gateway creates the accounts).
    center = await signIn(started.running.url, 'center');
  });

  it('has at least one case in every state of the closed loop', async () => {
    const plan = planDemoCity();
    const missing: string[] = [];
    for (const scenario of Object.keys(DEMO_SCENARIOS) as DemoScenario[]) {
      let found = false;
      for (const demo of plan.filter((c) => c.scenario === scenario)) {
        const detail = await api<CaseDetailView>(`cases/${demo.caseId}`);
        const timeline = await api<CaseTimelineEntry[]>(`cases/${demo.caseId}/timeline`);
        if (
          STATE_CHECKS[scenario](detail, [...timeline.map((e) => e.type), ...timeline.map((e) => e.summary)])
        ) {
          found = true;
          break;
        }
      }
      if (!found) missing.push(scenario);
    }
    expect(missing).toEqual([]);
  });

  it('flags cases reported to the leaders, with their instructions, and links duplicates to their master', async () => {
    const plan = planDemoCity();
    const reported = plan.find((c) => c.reportToLeader) ?? plan[0];
    expect(await api<CaseDetailView>(`cases/${reported?.caseId}`)).toMatchObject({
      reportedToLeader: true,
      leaderInstructionCount: 1,
    });
    const duplicate = plan.find((c) => c.masterN !== undefined);
    const master = plan[(duplicate?.masterN ?? 1) - 1];
    const masterDetail = await api<CaseDetailView>(`cases/${master?.caseId}`);
    expect(masterDetail.duplicateCaseIds).toContain(duplicate?.caseId);
  });

  it('spreads the cases over the last month, every type, channel and district', async () => {
    const items: CaseSearchResult['items'] = [];
    for (let page = 1; ; page++) {
      const result = await api<CaseSearchResult>(`cases?pageSize=100&page=${page}`);
      items.push(...result.items);
      if (items.length >= result.total || result.items.length === 0) break;
    }
    const demo = items.filter((c) => c.caseId.startsWith('demo-case-'));
    expect(demo).toHaveLength(planDemoCity().length);
    const distinct = (values: string[]) => [...new Set(values)].sort();
    expect(distinct(demo.map((c) => c.type))).toEqual([
      'complaint',
      'consult',
      'help',
      'praise',
      'report',
      'suggestion',
    ]);
    expect(distinct(demo.map((c) => c.channel))).toEqual([
      'email',
      'mayor-mailbox',
      'phone',
      'sms',
      'web',
      'wechat',
    ]);
    expect(distinct(demo.map((c) => c.districtId))).toEqual(['cangshan', 'gulou', 'taijiang']);
    const days = demo.map((c) => (Date.now() - Date.parse(c.registeredAt)) / 86_400_000);
    expect(Math.max(...days)).toBeGreaterThan(20);
    expect(Math.max(...days)).toBeLessThanOrEqual(31);
    expect(days.filter((d) => d > 7).length).toBeGreaterThan(demo.length / 2);
  });

  it('gives each demo unit account a case in every list of its inbox, and a district admin its district', async () => {
    const as = async <T>(session: SessionHeaders, path: string): Promise<T> =>
      (await (await fetch(`${started.running.url}/api/${path}`, { headers: session })).json()) as T;
    for (const [username, unitId] of [
      ['unit-handler-housing', 'housing-bureau'],
      ['unit-handler-gulou-dongjie', 'gulou-dongjie'],
    ] as const) {
      const session = await signIn(started.running.url, username);
      const inbox = await as<{ counts: Record<string, number> }>(session, `units/${unitId}/inbox`);
      const empty = Object.entries(inbox.counts).filter(([, count]) => count === 0);
      expect([username, empty]).toEqual([username, []]);
    }
    const gulou = await signIn(started.running.url, 'district-admin-gulou');
    const seen = await as<CaseSearchResult>(gulou, 'cases?pageSize=100');
    expect(seen.total).toBeGreaterThan(50);
    expect(new Set(seen.items.map((c) => c.districtId))).toEqual(new Set(['gulou']));
  });

  it('has a surge in its last hours: the storm of calls about the water at one estate', async () => {
    type Surge = { kind: string; key: string; count: number; caseNumbers: string[]; districtIds: string[] };
    let storm: Surge | undefined;
    // The counters follow the log: the storm's last registrations may still be on their way.
    for (let attempt = 0; storm === undefined && attempt < 100; attempt += 1) {
      const { surges } = await api<{ surges: Surge[] }>('reports/surges?hours=24');
      storm = surges.find(
        (surge) =>
          surge.kind === 'category' &&
          surge.key === DEMO_STORM.categoryCode &&
          surge.count >= DEMO_STORM.calls,
      );
      if (storm === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(storm).toMatchObject({ districtIds: [DEMO_STORM.districtId] });
    expect(storm?.caseNumbers.length).toBeGreaterThanOrEqual(DEMO_STORM.calls);
  });

  it('adds nothing when the platform restarts on the same data', async () => {
    const head = await started.platform.eventStore.headPosition();
    await started.running.close();
    started = await startEmbedded(dir);
    const report = await started.created;
    expect(report).toMatchObject({ failed: 0, alreadyComplete: true });
    // The only things a restart may add are the classifier learning from the month the first start
    // seeded (it trained while the city was still being seeded) and escalation finishing what time
    // made due (timers, their reminders and supervisions, on the wall clock); no demo command again,
    // and the cases themselves gain nothing.
    const later = await started.platform.eventStore.readAll({ fromPosition: head });
    const escalation = ['caseEscalation-', 'reminder-', 'supervision-'];
    expect(
      later
        .filter((e) => e.type !== 'ClassifierModelTrained')
        .filter((e) => !escalation.some((prefix) => e.streamId.startsWith(prefix)))
        .map((e) => e.type),
    ).toEqual([]);
    expect(later.filter((e) => e.metadata.commandId?.startsWith('demo')).map((e) => e.type)).toEqual([]);
    expect((await ready()).status).toBe(200);
  });
});
