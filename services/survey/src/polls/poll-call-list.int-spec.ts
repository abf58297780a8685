import type { Actor } from '@hotline/contracts';
import {
  refusal,
  startDistributedSurvey,
  type Body,
  type DistributedSurvey,
} from '../testing/distributed-survey';

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
  roundId: 'call-list',
  title: '2026年度民主评议',
  seed: 'call-list-seed',
  auditShare: 0,
  questionnaire: {
    units: [{ unitId: 'water', name: '市水务局' }],
    questions: [{ questionId: 'attitude', text: '服务态度', weight: 1, options: scale }],
  },
  quotas: [
    { district: 'gulou', frame: 'hotline', count: 12 },
    { district: 'taijiang', frame: 'hotline', count: 2 },
  ],
};
const mobile = (n: number) => `139${String(n).padStart(8, '0')}`;
const idOf = (result: Body) => String(result.streamId).replace('pollInterview-', '');

/**
 * Who reads the call list and the frame imports, and whether they get the interviewees' numbers:
 * only those who dial them (the desk's agents and the center's staff).
 */
const readers: { who: string; actor: Actor; districtId: string; dials: boolean }[] = [
  { who: 'an agent (访问员)', actor: agents[0] as Actor, districtId: 'city', dials: true },
  { who: 'the center', actor: center, districtId: 'city', dials: true },
  {
    who: 'a supervisor',
    actor: { id: 'sup-1', role: 'agent', gatewayRole: 'supervisor' },
    districtId: 'city',
    dials: false,
  },
  {
    who: 'a city admin',
    actor: { id: 'city-admin-1', role: 'center', gatewayRole: 'city-admin' },
    districtId: 'city',
    dials: false,
  },
  {
    who: 'a district admin',
    actor: { id: 'district-admin-1', role: 'center', gatewayRole: 'district-admin' },
    districtId: 'gulou',
    dials: false,
  },
  {
    who: 'an auditor',
    actor: { id: 'auditor-1', role: 'center', gatewayRole: 'auditor' },
    districtId: 'city',
    dials: false,
  },
  {
    who: 'a leader',
    actor: { id: 'leader-1', role: 'leader', gatewayRole: 'leader' },
    districtId: 'city',
    dials: false,
  },
];

describe('The poll call list: takes read what was written before them; numbers only for who dials [NATS, SQLite]', () => {
  let survey: DistributedSurvey;

  beforeAll(async () => {
    survey = await startDistributedSurvey();
    const { command } = survey;
    await command('DefinePollRound', round, center);
    const lines = ['phone,district', ...Array.from({ length: 30 }, (_, i) => `${mobile(i)},gulou`)];
    lines.push(`${mobile(4)},gulou`, `${mobile(100)},taijiang`, `${mobile(101)},taijiang`);
    await command(
      'ImportSamplingFrame',
      { roundId: round.roundId, frame: 'hotline', fileName: '热线号码库.csv', content: lines.join('\n') },
      center,
    );
  }, 120_000);
  afterAll(() => survey?.close());

  it('takes the first number right after the draw, answers the number held to a repeated take, and never gives one number twice', async () => {
    const { command } = survey;
    // No read-after-write token from the client: the take itself waits for the call list.
    await command('DrawPollSample', { roundId: round.roundId }, center);
    const first = await command('TakeNextPollInterview', { roundId: round.roundId }, agents[0] as Actor);
    expect(idOf(first)).toBe(`${round.roundId}.1`);

    const taken: string[] = [idOf(first)];
    let holding = new Map<string, string>([[agents[0]?.id ?? '', idOf(first)]]);
    for (let turn = 0; turn < 4; turn++) {
      // Each interviewer takes (or is answered the number held), at once, twice in a row.
      const takes = await Promise.all(
        agents.map((agent) => command('TakeNextPollInterview', { roundId: round.roundId }, agent)),
      );
      const again = await Promise.all(
        agents.map((agent) => command('TakeNextPollInterview', { roundId: round.roundId }, agent)),
      );
      expect(again.map(idOf)).toEqual(takes.map(idOf));
      agents.forEach((agent, i) => {
        const held = holding.get(agent.id);
        if (held) expect(idOf(takes[i] as Body)).toBe(held);
        else taken.push(idOf(takes[i] as Body));
      });
      expect(new Set(takes.map(idOf)).size).toBe(agents.length);
      // Each ends the call: the next take must be a new number, never the one just ended.
      await Promise.all(
        takes.map((take, i) =>
          command(
            'RecordPollInterviewFailure',
            { interviewId: idOf(take), failure: 'not-reached' },
            agents[i] as Actor,
          ),
        ),
      );
      holding = new Map();
    }
    expect(new Set(taken).size).toBe(taken.length);
    // Gulou's 12 numbers: 12 taken, in call-list order whoever won which.
    expect(taken.map((id) => Number(id.split('.')[1])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i + 1),
    );
    expect(
      await refusal(
        command('TakeNextPollInterview', { roundId: round.roundId }, agents[1] as Actor, undefined, 'gulou'),
      ),
    ).toMatchObject({ code: 'POLL_NO_INTERVIEW_LEFT' });
  }, 120_000);

  it('gives interviewers racing for the last numbers one each, and says "none left" to the one too many', async () => {
    const { command } = survey;
    // Taijiang has 2 numbers for 3 interviewers of the district.
    const outcomes = await Promise.all(
      agents.map((agent) =>
        refusal(command('TakeNextPollInterview', { roundId: round.roundId }, agent, undefined, 'taijiang')),
      ),
    );
    expect(outcomes.filter((o) => o === undefined)).toHaveLength(2);
    expect(outcomes.filter((o) => o !== undefined)).toEqual([
      expect.objectContaining({ code: 'POLL_NO_INTERVIEW_LEFT' }),
    ]);
  }, 60_000);

  it.each(readers)('gives $who the numbers only if they dial them', async ({ actor, districtId, dials }) => {
    const { query } = survey;
    const list = await query<{ items: Body[] }>(
      'ListPollInterviews',
      { roundId: round.roundId, limit: 50 },
      actor,
      districtId,
    );
    expect(list.items.length).toBeGreaterThan(0);
    expect(
      list.items.every((item) => (dials ? /^139\d{8}$/.test(String(item.phone)) : !('phone' in item))),
    ).toBe(true);
    const details = await query<{ imports: { rejected: Body[] }[] }>(
      'GetPollRound',
      { roundId: round.roundId },
      actor,
      districtId,
    );
    const duplicate = details.imports[0]?.rejected.find((line) => line.code === 'duplicate');
    expect(duplicate).toMatchObject(
      dials
        ? { value: mobile(4), reason: `${mobile(4)} is already in the file` }
        : { value: '139****0004', reason: '139****0004 is already in the file' },
    );
    expect(JSON.stringify(details).includes(mobile(4))).toBe(dials);
  });
});
