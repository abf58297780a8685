import type { Actor } from '@hotline/contracts';
import {
  refusal,
  startDistributedSurvey,
  type Body,
  type DistributedSurvey,
} from '../testing/distributed-survey';

const center: Actor = { id: 'center-1', role: 'center', gatewayRole: 'center' };
const agent: Actor = { id: 'agent-a', role: 'agent', gatewayRole: 'agent' };
const water: Actor = { id: 'unit-water-1', role: 'unit', unitId: 'water' };
const ROUND = 'dispute-reply';
const scale = [
  { key: 'satisfied', label: '满意', score: 100 },
  { key: 'basically', label: '基本满意', score: 80 },
  { key: 'dissatisfied', label: '不满意', score: 0 },
];
const round = {
  roundId: ROUND,
  title: '2026年度民主评议',
  seed: 'dispute-seed',
  auditShare: 0,
  questionnaire: {
    units: [
      { unitId: 'water', name: '市水务局' },
      { unitId: 'tax', name: '市税务局' },
    ],
    questions: [{ questionId: 'attitude', text: '服务态度', weight: 1, options: scale }],
  },
  quotas: [{ district: 'gulou', frame: 'hotline', count: 3 }],
};
const mobile = (n: number) => `139${String(n).padStart(8, '0')}`;
const ratings = ['dissatisfied', 'dissatisfied', 'satisfied'];

describe('The center’s reply to a unit’s dispute (二次终审) [NATS, SQLite]', () => {
  let survey: DistributedSurvey;
  const results = (as: Actor) =>
    survey.query<{ rows: Body[] }>('GetPollResults', { roundId: ROUND }, as).then((r) => r.rows);
  const row = async (as: Actor, unitId: string) => (await results(as)).find((r) => r.unitId === unitId);

  beforeAll(async () => {
    survey = await startDistributedSurvey();
    const { command } = survey;
    await command('DefinePollRound', round, center);
    const lines = ['phone,district', ...Array.from({ length: 3 }, (_, i) => `${mobile(i)},gulou`)];
    await command(
      'ImportSamplingFrame',
      { roundId: ROUND, frame: 'hotline', fileName: '热线号码库.csv', content: lines.join('\n') },
      center,
    );
    await command('DrawPollSample', { roundId: ROUND }, center);
    for (const rating of ratings) {
      const taken = await command('TakeNextPollInterview', { roundId: ROUND }, agent);
      const interviewId = String(taken.streamId).replace('pollInterview-', '');
      const evaluations = [
        { unitId: 'water', answers: { attitude: rating } },
        { unitId: 'tax', answers: { attitude: 'satisfied' } },
      ];
      await command('RecordPollInterview', { interviewId, evaluations }, agent);
    }
    await command('PublishPollResults', { roundId: ROUND }, center);
  }, 120_000);
  afterAll(() => survey?.close());

  it('refuses a reply before a dispute, and a reply that names a field wrongly, recording nothing', async () => {
    const { command } = survey;
    const reply = { roundId: ROUND, unitId: 'water', decision: 'upheld', reasons: '经复核录音，访问属实' };
    expect(await refusal(command('AnswerPollDispute', reply, center))).toMatchObject({
      code: 'POLL_NOT_DISPUTED',
    });
    await command(
      'VerifyPollResults',
      { roundId: ROUND, unitId: 'water', agreed: false, response: '第1、2条访问对象不是我局服务对象' },
      water,
    );
    expect(
      await refusal(
        command('AnswerPollDispute', { ...reply, decision: 'accepted', struck: ['other-round.1'] }, center),
      ),
    ).toMatchObject({ message: expect.stringContaining('struck[0]') });
    expect(await refusal(command('AnswerPollDispute', reply, water))).toMatchObject({
      code: 'POLL_ROLE_NOT_ALLOWED',
    });
    const events = await survey.platform.eventStore.readStream(`pollVerification-${ROUND}.water`);
    expect(events.map((e) => e.type)).toEqual(['PollResultsVerified']);
    // (0 + 0 + 100) ÷ 3
    expect(await row(center, 'water')).toMatchObject({ interviews: 3, index: 33.3 });
  }, 60_000);

  it('strikes and corrects the interviews named, recomputes the unit’s index alone, and the unit reads the reply', async () => {
    const { command } = survey;
    const reply = {
      roundId: ROUND,
      unitId: 'water',
      decision: 'accepted',
      reasons: '经复核录音，第1条访问对象非服务对象，第2条记录有误',
      struck: [`${ROUND}.1`],
      corrected: [{ interviewId: `${ROUND}.2`, answers: { attitude: 'basically' } }],
    };
    const first = await command('AnswerPollDispute', reply, center, 'reply-water');
    const again = await command('AnswerPollDispute', reply, center, 'reply-water');
    expect(again).toMatchObject({
      streamId: first.streamId,
      nextExpectedRevision: first.nextExpectedRevision,
    });
    expect(await refusal(command('AnswerPollDispute', { ...reply, struck: [] }, center))).toMatchObject({
      code: 'POLL_DISPUTE_ANSWERED',
    });
    const events = await survey.platform.eventStore.readStream(`pollVerification-${ROUND}.water`);
    expect(events.map((e) => e.type)).toEqual(['PollResultsVerified', 'PollDisputeAnswered']);

    // (80 + 100) ÷ 2: the struck interview leaves the unit's count, the corrected one counts anew.
    let own: Body | undefined;
    for (let tries = 0; tries < 100 && !(own?.verification as Body | undefined)?.reply; tries++) {
      own = await row(water, 'water');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(own).toMatchObject({
      interviews: 2,
      index: 90,
      verification: {
        agreed: false,
        response: '第1、2条访问对象不是我局服务对象',
        reply: { decision: 'accepted', reasons: reply.reasons, struck: 1, corrected: 1 },
      },
    });
    // Another unit's figures stay as the interviews gave them.
    expect(await row(center, 'tax')).toMatchObject({ interviews: 3, index: 100 });
    const interviews = await survey.query<{ items: Body[] }>(
      'ListPollInterviews',
      { roundId: ROUND, limit: 10, offset: 0 },
      center,
    );
    expect(interviews.items.find((i) => i.interviewId === `${ROUND}.1`)).toMatchObject({
      disputed: { water: 'struck' },
      evaluations: [{ unitId: 'tax', answers: { attitude: 'satisfied' } }],
    });
  }, 60_000);
});
