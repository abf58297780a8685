import { contactCountersProjection } from '../counters/contact-counters.projection';
import { KpiReportService } from '../reports/kpi-report.service';
import { CaseHistory, bj, project } from '../testing/case-history';

/**
 * One morning of queue `general`, worked out by hand: four calls offered (a fifth is an overflow
 * re-queue, not a new offer); three answered, after 5, 12 and 40 seconds; one abandoned; two calls
 * ended with 100 + 20 and 200 + 0 seconds of talk and hold; two post-call surveys, one dissatisfied.
 */
function morning(): CaseHistory {
  const h = new CaseHistory('city');
  const at = (time: string) => ({ at: bj(`2026-11-02 ${time}`) });
  for (const id of ['c1', 'c2', 'c3', 'c4'])
    h.add('ContactQueued', bj('2026-11-02 09:00'), { contactId: id, queueId: 'general', ...at('09:00') });
  h.add('ContactQueued', bj('2026-11-02 09:01'), {
    contactId: 'c4',
    queueId: 'vip',
    fromQueueId: 'general',
    ...at('09:01'),
  });
  h.add('OfferAccepted', bj('2026-11-02 09:00'), {
    contactId: 'c1',
    queueId: 'general',
    agentId: 'a1',
    waitedSeconds: 5,
    ...at('09:00'),
  });
  h.add('OfferAccepted', bj('2026-11-02 09:00'), {
    contactId: 'c2',
    queueId: 'general',
    agentId: 'a2',
    waitedSeconds: 12,
    ...at('09:00'),
  });
  h.add('OfferAccepted', bj('2026-11-02 09:40'), {
    contactId: 'c3',
    queueId: 'general',
    agentId: 'a1',
    waitedSeconds: 40,
    ...at('09:40'),
  });
  h.add('QueuedContactAbandoned', bj('2026-11-02 09:02'), {
    contactId: 'c4',
    queueId: 'vip',
    waitedSeconds: 70,
    ...at('09:02'),
  });
  h.add('ContactEnded', bj('2026-11-02 09:05'), {
    contactId: 'c1',
    queueId: 'general',
    agentId: 'a1',
    channel: 'voice',
    talkSeconds: 100,
    holdSeconds: 20,
    ...at('09:05'),
  });
  h.add('ContactEnded', bj('2026-11-02 09:08'), {
    contactId: 'c2',
    queueId: 'general',
    agentId: 'a2',
    channel: 'voice',
    talkSeconds: 200,
    holdSeconds: 0,
    ...at('09:08'),
  });
  h.add('PostCallSurveyRecorded', bj('2026-11-02 09:06'), { callId: 'c1', agentId: 'a1', score: 1 });
  h.add('PostCallSurveyRecorded', bj('2026-11-02 09:09'), { callId: 'c2', agentId: 'a2', score: 3 });
  return h;
}

describe('contact-center KPIs, from a hand-worked morning', () => {
  it('gives the answer rate, the 15-second service level, ASA, abandonment, AHT and post-call satisfaction', async () => {
    const store = await project(morning().events, [contactCountersProjection()]);
    const reports = new KpiReportService(store);
    const viewer = { actor: { id: 's', role: 'supervisor' }, districtId: 'city' };
    const { totals, rows } = await reports.contactCenter({
      viewer,
      from: '2026-11-02',
      to: '2026-11-02',
      groupBy: 'agent',
    });
    const kpi = (key: string) => totals.kpis.find((entry) => entry.key === key);
    expect(kpi('answerRate')).toMatchObject({ numerator: 3, denominator: 4 });
    expect(kpi('serviceLevel15s')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(kpi('averageSpeedOfAnswer')).toMatchObject({ numerator: 57, denominator: 3 });
    expect(kpi('abandonRate')).toMatchObject({ numerator: 1, denominator: 4 });
    expect(kpi('averageHandleTime')).toMatchObject({ numerator: 320, denominator: 2, value: 160 });
    expect(kpi('postCallSatisfaction')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(rows.map((row) => [row.key, row.counters.answered])).toEqual([
      ['a1', 2],
      ['a2', 1],
    ]);
    const byInterval = await reports.contactCenter({
      viewer,
      from: '2026-11-02',
      to: '2026-11-02',
      groupBy: 'interval',
    });
    expect(byInterval.rows.map((row) => [row.key, row.counters.offered, row.counters.answered])).toEqual([
      ['09:00', 4, 2],
      ['09:30', 0, 1],
    ]);
  });
});
