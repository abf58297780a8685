import { randomUUID } from 'node:crypto';
import type { Actor } from '@hotline/contracts';
import {
  refusal,
  startDistributedSurvey,
  type Body,
  type DistributedSurvey,
} from '../testing/distributed-survey';
import { systematicSample } from './systematic-sample';

const center: Actor = { id: 'center-1', role: 'center' };
const agentA: Actor = { id: 'agent-a', role: 'agent' };
const agentB: Actor = { id: 'agent-b', role: 'agent' };
const water: Actor = { id: 'water-user', role: 'unit', unitId: 'water' };
const traffic: Actor = { id: 'traffic-user', role: 'unit', unitId: 'traffic' };

const scale = [
  { key: 'satisfied', label: '满意', score: 100 },
  { key: 'basic', label: '基本满意', score: 80 },
  { key: 'dissatisfied', label: '不满意', score: 0 },
];
const round = {
  roundId: 'int-2026',
  title: '2026年度民主评议',
  seed: 'int-seed',
  auditShare: 1,
  questionnaire: {
    units: [
      { unitId: 'water', name: '市水务局' },
      { unitId: 'traffic', name: '市交通局' },
    ],
    questions: [
      { questionId: 'attitude', text: '服务态度', weight: 2, options: scale },
      { questionId: 'result', text: '办事结果', weight: 1, options: scale },
    ],
  },
  quotas: [
    { district: 'gulou', frame: 'hotline', count: 10 },
    { district: 'taijiang', frame: 'hotline', count: 5 },
    { district: 'gulou', frame: 'department', count: 4 },
  ],
};
const mobile = (n: number) => `139${String(n).padStart(8, '0')}`;

describe('Opinion polls (民主评议) over NATS [SQLite event store and read models]', () => {
  let survey: DistributedSurvey;

  beforeAll(async () => {
    survey = await startDistributedSurvey();
  }, 60_000);
  afterAll(() => survey?.close());

  it('defines a round, imports frames line by line, draws a reproducible sample, interviews, audits, ranks and is verified', async () => {
    const { command, query } = survey;
    await command('DefinePollRound', round, center);
    expect(await refusal(command('DefinePollRound', round, agentA))).toMatchObject({
      code: 'POLL_ROLE_NOT_ALLOWED',
    });

    // The hotline frame: 40 gulou and 3 taijiang numbers, and three bad lines reported by number.
    const lines = ['phone,district', ...Array.from({ length: 40 }, (_, i) => `${mobile(i)},gulou`)];
    lines.push('12345,gulou', `${mobile(3)},gulou`, '13800138000,Tai Jiang');
    lines.push(...[100, 101, 102].map((n) => `${mobile(n)},taijiang`));
    const importId = randomUUID();
    const file = {
      roundId: round.roundId,
      frame: 'hotline',
      fileName: '热线号码库.csv',
      content: lines.join('\n'),
    };
    await command('ImportSamplingFrame', file, center, importId);
    const repeat = await command('ImportSamplingFrame', file, center, importId);
    expect(repeat).toMatchObject({ idempotent: true });
    const departments = Array.from(
      { length: 20 },
      (_, i) => `${mobile(200 + i)},gulou,${i % 2 ? 'water' : 'traffic'}`,
    );
    const imported = await command(
      'ImportSamplingFrame',
      { roundId: round.roundId, frame: 'department', fileName: 'dept.csv', content: departments.join('\n') },
      center,
    );
    const details = await query<Body & { imports: Body[]; quotas: Body[] }>(
      'GetPollRound',
      { roundId: round.roundId, minPosition: imported.position },
      center,
    );
    expect(details.imports).toEqual([
      expect.objectContaining({
        frame: 'hotline',
        accepted: 43,
        rejectedCount: 3,
        rejected: [
          expect.objectContaining({ line: 42, code: 'phone', value: '12345' }),
          expect.objectContaining({
            line: 43,
            code: 'duplicate',
            reason: `${mobile(3)} is already in the file`,
          }),
          expect.objectContaining({ line: 44, code: 'district', reason: '"Tai Jiang" is not a district id' }),
        ],
      }),
      expect.objectContaining({ frame: 'department', accepted: 20, rejectedCount: 0 }),
    ]);

    // The draw: per quota, its own stratum and seeded start; a quota its stratum cannot fill says so.
    const drawn = await command('DrawPollSample', { roundId: round.roundId }, center);
    expect(await command('DrawPollSample', { roundId: round.roundId }, center)).toMatchObject({ events: [] });
    const progress = await query<{ quotas: Body[] }>(
      'GetPollRound',
      { roundId: round.roundId, minPosition: drawn.position },
      center,
    );
    expect(progress.quotas.map((q) => [q.district, q.frame, q.target, q.available, q.drawn])).toEqual([
      ['gulou', 'department', 4, 20, 4],
      ['gulou', 'hotline', 10, 40, 10],
      ['taijiang', 'hotline', 5, 3, 3],
    ]);
    const list = await query<{ items: Body[]; total: number }>(
      'ListPollInterviews',
      { roundId: round.roundId, limit: 100 },
      center,
    );
    expect(list.total).toBe(17);
    const gulouHotline = Array.from({ length: 40 }, (_, i) => mobile(i));
    expect(list.items.slice(0, 10).map((i) => i.phone)).toEqual(
      systematicSample(gulouHotline, 10, round.seed, 'hotline|gulou'),
    );
    expect(await refusal(command('ImportSamplingFrame', file, center))).toMatchObject({
      code: 'POLL_SAMPLE_DRAWN',
    });

    // Interviewers take numbers in call-list order; a repeated take answers the number held.
    const [a, b] = await Promise.all([
      command('TakeNextPollInterview', { roundId: round.roundId }, agentA),
      command('TakeNextPollInterview', { roundId: round.roundId }, agentB),
    ]);
    const idOf = (result: Body) => String(result.streamId).replace('pollInterview-', '');
    expect(new Set([idOf(a), idOf(b)])).toEqual(new Set([`${round.roundId}.1`, `${round.roundId}.2`]));
    const again = await command('TakeNextPollInterview', { roundId: round.roundId }, agentA);
    expect(idOf(again)).toBe(idOf(a));

    const answers = {
      interviewId: idOf(a),
      evaluations: [
        { unitId: 'water', answers: { attitude: 'satisfied', result: 'basic' } },
        { unitId: 'traffic', answers: { attitude: 'dissatisfied', result: 'satisfied' } },
      ],
      comment: '窨井盖修得快',
      recordingId: 'rec-1',
    };
    expect(
      await refusal(
        command(
          'RecordPollInterview',
          { ...answers, evaluations: [{ unitId: 'water', answers: { attitude: 'great' } }] },
          agentA,
        ),
      ),
    ).toMatchObject({ code: 'VALIDATION_FAILED', field: 'evaluations[0].answers.attitude' });
    expect(await refusal(command('RecordPollInterview', answers, agentB))).toMatchObject({
      code: 'POLL_NOT_YOUR_INTERVIEW',
    });
    await command('RecordPollInterview', answers, agentA);
    await command('RecordPollInterviewFailure', { interviewId: idOf(b), failure: 'refused' }, agentB);

    // Agent A's third take: a new number; then answered so that the audit can remove one of them.
    const third = await command('TakeNextPollInterview', { roundId: round.roundId }, agentA);
    const last = await command(
      'RecordPollInterview',
      {
        interviewId: idOf(third),
        evaluations: [{ unitId: 'water', answers: { attitude: 'dissatisfied', result: 'dissatisfied' } }],
      },
      agentA,
    );
    const audits = await query<{ items: Body[] }>(
      'ListPollInterviews',
      { roundId: round.roundId, audit: true, minPosition: last.position },
      center,
    );
    expect(audits.items.map((i) => i.interviewId)).toEqual([idOf(a), idOf(third)]);
    expect(
      await refusal(command('AuditPollInterview', { interviewId: idOf(third), upheld: false }, agentA)),
    ).toMatchObject({
      code: 'POLL_ROLE_NOT_ALLOWED',
    });
    const audited = await command(
      'AuditPollInterview',
      { interviewId: idOf(third), upheld: false, note: '录音与问卷不符' },
      center,
    );

    // Results: the weighted index (attitude ×2, result ×1), the ranking, the quota progress.
    const results = await query<{ rows: Body[] }>(
      'GetPollResults',
      { roundId: round.roundId, minPosition: audited.position },
      center,
    );
    expect(results.rows.map((r) => [r.unitId, r.interviews, r.index, r.rank])).toEqual([
      ['water', 1, 93.3, 1],
      ['traffic', 1, 33.3, 2],
    ]);
    const after = await query<{ quotas: Body[] }>('GetPollRound', { roundId: round.roundId }, center);
    expect(after.quotas.find((q) => q.frame === 'department')).toMatchObject({ taken: 0 });
    expect(after.quotas.find((q) => q.district === 'gulou' && q.frame === 'hotline')).toMatchObject({
      taken: 3,
      completed: 2,
      refused: 1,
    });

    // Publication: each unit verifies its own results within three working days, and sees only its own.
    expect(
      await refusal(
        command('VerifyPollResults', { roundId: round.roundId, unitId: 'water', agreed: true }, water),
      ),
    ).toMatchObject({
      code: 'POLL_RESULTS_NOT_PUBLISHED',
    });
    await command('PublishPollResults', { roundId: round.roundId }, center);
    expect(
      await refusal(
        command('VerifyPollResults', { roundId: round.roundId, unitId: 'water', agreed: true }, traffic),
      ),
    ).toMatchObject({ code: 'POLL_ROLE_NOT_ALLOWED' });
    const verified = await command(
      'VerifyPollResults',
      { roundId: round.roundId, unitId: 'traffic', agreed: false, response: '第1份问卷所述事项不属本局职责' },
      traffic,
    );
    const own = await query<{ rows: Body[]; verifyBy: string }>(
      'GetPollResults',
      { roundId: round.roundId, minPosition: verified.position },
      traffic,
    );
    expect(own.rows).toEqual([
      expect.objectContaining({
        unitId: 'traffic',
        rank: 2,
        verification: expect.objectContaining({ agreed: false, late: false }) as unknown,
      }),
    ]);
    expect(Date.parse(own.verifyBy) - Date.now()).toBeGreaterThan(2 * 24 * 3_600_000);
  }, 120_000);
});
