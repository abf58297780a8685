import { randomUUID } from 'node:crypto';
import { POLL_IVR_INTERVIEWER, type Actor, type RecordedEvent } from '@hotline/contracts';
import { startDistributedSurvey, type Body, type DistributedSurvey } from '../testing/distributed-survey';

// No sipapp here: the robot's requests to the dialer find no responder (logged), and the test
// appends each call's end (`OutboundCallFinished`) to the event store as the sipapp's dialer
// would; the relay and the durable consumer carry it to the robot. The real dialer: the e2e suite
// `survey-ivr-poll`.
const center: Actor = { id: 'center-1', role: 'center', gatewayRole: 'center' };
const agents: Actor[] = ['a', 'b', 'c'].map((id) => ({
  id: `agent-${id}`,
  role: 'agent',
  gatewayRole: 'agent',
}));
const ROUND = 'ivr-robot';
const round = {
  roundId: ROUND,
  title: '2026年度民主评议',
  seed: 'ivr-robot-seed',
  auditShare: 0,
  questionnaire: {
    units: [{ unitId: 'water', name: '市水务局' }],
    questions: [
      {
        questionId: 'attitude',
        text: '您对其服务态度是否满意',
        weight: 1,
        options: [
          { key: 'satisfied', label: '满意', score: 100 },
          { key: 'dissatisfied', label: '不满意', score: 0 },
        ],
      },
    ],
  },
  quotas: [{ district: 'gulou', frame: 'hotline', count: 8 }],
};
const mobile = (n: number) => `139${String(n).padStart(8, '0')}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('The IVR poll robot on the bus [NATS, SQLite]', () => {
  let survey: DistributedSurvey;

  const events = (type: string): Promise<RecordedEvent[]> =>
    survey.platform.eventStore
      .readAll({ filter: { streamPrefixes: [`pollInterview-${ROUND}.`] } })
      .then((all) => all.filter((event) => event.type === type));
  const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let tries = 0; ; tries++) {
      const value = await read();
      if (done(value)) return value;
      if (tries > 200) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
      await pause(100);
    }
  };
  const placedCalls = async () =>
    (await events('PollInterviewCallPlaced')).map((e) => e.data as { interviewId: string; callId: string });
  /** The call's end as the sipapp's dialer reports it. */
  const finish = (callId: string, outcome: string, answers?: Record<string, string>) =>
    survey.platform.eventStore.append(
      `outboundCall-${callId}`,
      [
        {
          id: randomUUID(),
          type: 'OutboundCallFinished',
          version: 1,
          data: { callId, purpose: 'survey', outcome, ...(answers ? { answers } : {}) },
          metadata: {
            correlationId: callId,
            causationId: callId,
            actor: { id: 'system:sipapp', role: 'system' },
            districtId: 'gulou',
          },
          time: new Date().toISOString(),
        },
      ],
      'any',
    );

  beforeAll(async () => {
    survey = await startDistributedSurvey({
      SURVEY_POLL_IVR_POLL_SECONDS: '1',
      SURVEY_POLL_IVR_MAX_CALLS: '2',
    });
    const { command } = survey;
    await command('DefinePollRound', round, center);
    const lines = ['phone,district', ...Array.from({ length: 8 }, (_, i) => `${mobile(i)},gulou`)];
    await command(
      'ImportSamplingFrame',
      { roundId: ROUND, frame: 'hotline', fileName: '热线号码库.csv', content: lines.join('\n') },
      center,
    );
    await command('DrawPollSample', { roundId: ROUND }, center);
  }, 120_000);
  afterAll(() => survey?.close());

  it('takes numbers beside the interviewers, never one of theirs, with at most 2 calls under way', async () => {
    const { command } = survey;
    await command('TakeNextPollInterview', { roundId: ROUND }, agents[0]!);
    await command('StartPollIvr', { roundId: ROUND, attempts: 2 }, center);
    await Promise.all(
      agents.slice(1).map((agent) => command('TakeNextPollInterview', { roundId: ROUND }, agent)),
    );
    await until(placedCalls, (calls) => calls.length >= 2);
    await pause(2_500); // passes enough for a third call, were the limit not kept
    expect(await placedCalls()).toHaveLength(2);
    const takes = (await events('PollInterviewTaken')).map(
      (e) => e.data as { interviewId: string; interviewerId: string },
    );
    expect(new Set(takes.map((t) => t.interviewId)).size).toBe(takes.length);
    expect(takes.filter((t) => t.interviewerId === POLL_IVR_INTERVIEWER)).toHaveLength(2);
    expect(takes.filter((t) => t.interviewerId.startsWith('agent-'))).toHaveLength(3);
    expect((await placedCalls()).map((c) => c.callId)).toEqual(
      takes.filter((t) => t.interviewerId === POLL_IVR_INTERVIEWER).map((t) => `poll-${t.interviewId}.1`),
    );
  }, 60_000);

  it('records an answered call’s keys as the interview once, though its end is reported twice', async () => {
    const [first] = await placedCalls();
    await finish(first!.callId, 'answered', { 'u0.attitude': 'k-dissatisfied' });
    await finish(first!.callId, 'answered', { 'u0.attitude': 'k-dissatisfied' });
    await until(
      () => events('PollInterviewCompleted'),
      (done) => done.length > 0,
    );
    // The freed line goes to the next number.
    await until(placedCalls, (calls) => calls.length === 3);
    await pause(1_500);
    const completed = await events('PollInterviewCompleted');
    expect(completed).toHaveLength(1);
    expect(completed[0]!.data).toMatchObject({
      interviewId: first!.interviewId,
      callId: first!.callId,
      evaluations: [{ unitId: 'water', answers: { attitude: 'dissatisfied' } }],
    });
    const list = await survey.query<{ items: Body[] }>(
      'ListPollInterviews',
      { roundId: ROUND, status: ['completed'], limit: 50, offset: 0 },
      center,
    );
    expect(list.items).toEqual([expect.objectContaining({ answeredBy: 'ivr', callId: first!.callId })]);
  }, 60_000);

  it('counts a busy call as an attempt and calls the number again only when it is due', async () => {
    const [, second] = await placedCalls();
    await finish(second!.callId, 'busy');
    const [failed] = await until(
      () => events('PollInterviewCallFailed'),
      (found) => found.length > 0,
    );
    const retryAt = Date.parse((failed!.data as { retryAt: string }).retryAt);
    expect(retryAt - Date.now()).toBeGreaterThan(110 * 60_000); // SURVEY_POLL_IVR_RETRY_MINUTES: 120
    await until(placedCalls, (calls) => calls.length === 4); // its line went to the next number
    await pause(2_000);
    const calls = await placedCalls();
    expect(calls.filter((c) => c.interviewId === second!.interviewId)).toHaveLength(1);
  }, 60_000);

  it('places no call once paused, and the round shows the robot’s progress', async () => {
    const { command, query } = survey;
    await command('PausePollIvr', { roundId: ROUND }, center);
    const open = (await placedCalls()).slice(2);
    for (const call of open) await finish(call.callId, 'answered'); // no key: refused
    await until(
      () => events('PollInterviewFailed'),
      (found) => found.length === open.length,
    );
    await pause(2_000);
    expect(await placedCalls()).toHaveLength(4);
    const view = await until(
      () => query<Body>('GetPollRound', { roundId: ROUND }, center),
      (r) => (r.ivrProgress as Body).refused === 2,
    );
    expect(view.ivr).toMatchObject({ running: false, attempts: 2 });
    expect(view.ivrProgress).toEqual({ calls: 4, inFlight: 0, answered: 1, unreachable: 0, refused: 2 });
  }, 60_000);
});
