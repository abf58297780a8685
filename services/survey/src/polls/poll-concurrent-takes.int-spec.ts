import type { Actor } from '@hotline/contracts';
import { startDistributedSurvey, type Body, type DistributedSurvey } from '../testing/distributed-survey';

const center: Actor = { id: 'center-1', role: 'center', gatewayRole: 'center' };
const agents: Actor[] = ['a', 'b', 'c'].map((id) => ({
  id: `agent-${id}`,
  role: 'agent',
  gatewayRole: 'agent',
}));
const scale = [
  { key: 'satisfied', label: '满意', score: 100 },
  { key: 'dissatisfied', label: '不满意', score: 0 },
];
const round = {
  roundId: 'concurrent-takes',
  title: '2026年度民主评议',
  seed: 'concurrent-takes-seed',
  auditShare: 0,
  questionnaire: {
    units: [{ unitId: 'water', name: '市水务局' }],
    questions: [{ questionId: 'attitude', text: '服务态度', weight: 1, options: scale }],
  },
  quotas: [{ district: 'gulou', frame: 'hotline', count: 20 }],
};
const mobile = (n: number) => `139${String(n).padStart(8, '0')}`;
const idOf = (result: Body) => String(result.streamId).replace('pollInterview-', '');

/** The takes the event store holds for the round, by interview. */
async function takesWritten(survey: DistributedSurvey): Promise<Map<string, string>> {
  const events = await survey.platform.eventStore.readAll({
    filter: { streamPrefixes: [`pollInterview-${round.roundId}.`] },
  });
  const takes = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'PollInterviewTaken') continue;
    const { interviewId, interviewerId } = event.data as { interviewId: string; interviewerId: string };
    expect(takes.has(interviewId)).toBe(false);
    takes.set(interviewId, interviewerId);
  }
  return takes;
}

describe('Concurrent takes of poll interviews: one number per interviewer, never one number for two [NATS, SQLite]', () => {
  let survey: DistributedSurvey;

  beforeAll(async () => {
    survey = await startDistributedSurvey();
    const { command } = survey;
    await command('DefinePollRound', round, center);
    const lines = ['phone,district', ...Array.from({ length: 40 }, (_, i) => `${mobile(i)},gulou`)];
    await command(
      'ImportSamplingFrame',
      { roundId: round.roundId, frame: 'hotline', fileName: '热线号码库.csv', content: lines.join('\n') },
      center,
    );
    await command('DrawPollSample', { roundId: round.roundId }, center);
  }, 120_000);
  afterAll(() => survey?.close());

  it('answers 20 takes fired at once by 3 interviewers with one number each, the same to all takes of one interviewer', async () => {
    const { command } = survey;
    for (let turn = 0; turn < 3; turn++) {
      const who = Array.from({ length: 20 }, (_, i) => agents[i % agents.length] as Actor);
      const results = await Promise.all(
        who.map((agent) => command('TakeNextPollInterview', { roundId: round.roundId }, agent)),
      );
      const held = new Map<string, Set<string>>();
      results.forEach((result, i) => {
        const id = who[i]?.id ?? '';
        held.set(id, (held.get(id) ?? new Set()).add(idOf(result)));
      });
      // Each interviewer got exactly one number, whichever of their takes came first.
      for (const agent of agents) expect(held.get(agent.id)?.size).toBe(1);
      const numbers = agents.map((agent) => [...(held.get(agent.id) ?? [])][0] as string);
      expect(new Set(numbers).size).toBe(agents.length);
      // The store agrees: one take event per number, each by the interviewer answered with it.
      const written = await takesWritten(survey);
      expect(written.size).toBe(agents.length * (turn + 1));
      agents.forEach((agent, i) => expect(written.get(numbers[i] as string)).toBe(agent.id));
      // Each ends the call, so the next turn races for new numbers.
      await Promise.all(
        numbers.map((interviewId, i) =>
          command('RecordPollInterviewFailure', { interviewId, failure: 'not-reached' }, agents[i] as Actor),
        ),
      );
    }
  }, 180_000);
});
