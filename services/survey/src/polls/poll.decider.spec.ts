import { chinaTime, chinaWorkingCalendar, formatChinaTime, type PollRoundEvent } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import { pollFrameDecider } from './poll-frame.decider';
import { unitIndices } from './poll-index';
import { pollInterviewDecider } from './poll-interview.decider';
import { pollRoundDecider } from './poll-round.decider';
import { PollError } from './poll.errors';

const center = { id: 'center-1', role: 'center' };
const calendar = chinaWorkingCalendar();
const scale = [
  { key: 'yes', label: '满意', score: 100 },
  { key: 'no', label: '不满意', score: 0 },
];
const questionnaire = {
  units: [
    { unitId: 'water', name: '水务局' },
    { unitId: 'traffic', name: '交通局' },
    { unitId: 'tax', name: '税务局' },
  ],
  questions: [
    { questionId: 'attitude', text: '态度', weight: 3, options: scale },
    { questionId: 'result', text: '结果', weight: 1, options: scale },
  ],
};
const definition = {
  roundId: 'r1',
  title: '2026年度',
  seed: 's',
  auditShare: 0.1,
  questionnaire,
  quotas: [{ district: 'gulou', frame: 'carrier' as const, count: 1200 }],
};
const defined: PollRoundEvent = { type: 'PollRoundDefined', data: definition };
const base = { actor: center, districtId: 'city', commandId: 'c1', now: new Date('2026-12-04T02:00:00Z') };
const round = deciderSpec(pollRoundDecider, () => ({ ...base, calendar }));

describe('poll round', () => {
  it('names the field a repeated id is in', () => {
    const twice = { ...questionnaire, units: [...questionnaire.units, { unitId: 'water', name: '又一个' }] };
    expect(() =>
      pollRoundDecider.decide(
        { type: 'DefinePollRound', data: { ...definition, questionnaire: twice } },
        pollRoundDecider.initialState(),
        { ...base, calendar },
      ),
    ).toThrow('questionnaire.units[3].unitId: is listed twice');
  });

  it('lists a drawn sample in events of at most 500 numbers, numbered in quota order', () => {
    const carrier = Array.from({ length: 5000 }, (_, i) => ({
      phone: `139${String(i).padStart(8, '0')}`,
      district: 'gulou',
    }));
    const events = pollRoundDecider.decide(
      { type: 'DrawPollSample', data: { roundId: 'r1' } },
      pollRoundDecider.evolve(pollRoundDecider.initialState(), defined),
      {
        ...base,
        calendar,
        frames: { carrier },
      },
    );
    expect(events.map((e) => e.type)).toEqual([
      'PollSampleDrawn',
      'PollInterviewsListed',
      'PollInterviewsListed',
      'PollInterviewsListed',
    ]);
    const listed = events.flatMap((e) => (e.type === 'PollInterviewsListed' ? e.data.interviews : []));
    expect(listed.map((i) => i.interviewId).slice(0, 2)).toEqual(['r1.1', 'r1.2']);
    expect(listed).toHaveLength(1200);
    expect(events[0]).toMatchObject({
      data: { quotas: [{ available: 5000, drawn: 1200 }], interviews: 1200 },
    });
  });

  it('refuses a draw without numbers, and a publication before the draw', () => {
    round
      .given([defined])
      .when({ type: 'DrawPollSample', data: { roundId: 'r1' } }, { frames: {} })
      .thenRejects(PollError.FramesEmpty);
    round
      .given([defined])
      .when({ type: 'PublishPollResults', data: { roundId: 'r1' } })
      .thenRejects(PollError.SampleNotDrawn);
  });

  it('gives the units three working days of the city calendar to verify (a weekend does not count)', () => {
    const now = chinaTime('2026-12-04', '10:00'); // a Friday
    const drawn: PollRoundEvent = {
      type: 'PollSampleDrawn',
      data: { roundId: 'r1', quotas: [], interviews: 0 },
    };
    const [published] = pollRoundDecider.decide(
      { type: 'PublishPollResults', data: { roundId: 'r1' } },
      [defined, drawn].reduce(pollRoundDecider.evolve, pollRoundDecider.initialState()),
      { ...base, calendar, now },
    );
    expect(published?.type).toBe('PollResultsPublished');
    const verifyBy = new Date((published?.data as { verifyBy: string }).verifyBy);
    expect(formatChinaTime(verifyBy)).toBe(formatChinaTime(calendar.addWorkingDays(now, 3)));
    expect(formatChinaTime(verifyBy).slice(0, 10)).toBe('2026-12-09');
  });
});

describe('sampling frame', () => {
  it('reports a number an earlier file of the same frame had, and keeps the rest', () => {
    const frame = deciderSpec(pollFrameDecider, () => ({ ...base, round: { defined: true, drawn: false } }));
    const earlier = {
      type: 'SamplingFrameEntriesAdded' as const,
      data: {
        roundId: 'r1',
        frame: 'hotline' as const,
        importId: 'i0',
        entries: [{ phone: '13900000001', district: 'gulou' }],
      },
    };
    frame
      .given([earlier])
      .when({
        type: 'ImportSamplingFrame',
        data: {
          roundId: 'r1',
          frame: 'hotline',
          fileName: 'b.csv',
          content: '13900000001,gulou\n13900000002,gulou',
        },
      })
      .then([
        {
          type: 'SamplingFrameImported',
          data: {
            roundId: 'r1',
            frame: 'hotline',
            importId: 'c1',
            fileName: 'b.csv',
            accepted: 1,
            rejectedCount: 1,
            rejected: [
              {
                line: 1,
                code: 'in-frame',
                value: '13900000001',
                reason: '13900000001 is already in the hotline frame',
              },
            ],
          },
        },
        {
          type: 'SamplingFrameEntriesAdded',
          data: {
            roundId: 'r1',
            frame: 'hotline',
            importId: 'c1',
            entries: [{ phone: '13900000002', district: 'gulou' }],
          },
        },
      ]);
  });
});

describe('a part of a bigger frame file', () => {
  it('reports its invalid lines by the file’s line numbers and says which part it was', () => {
    const frame = deciderSpec(pollFrameDecider, () => ({ ...base, round: { defined: true, drawn: false } }));
    const part = { fileId: 'f1', index: 1, count: 3, firstLine: 20_001 };
    frame
      .given([])
      .when({
        type: 'ImportSamplingFrame',
        data: {
          roundId: 'r1',
          frame: 'carrier',
          fileName: 'c.csv',
          content: '13900000002,gulou\n12345,gulou',
          part,
        },
      })
      .then([
        {
          type: 'SamplingFrameImported',
          data: {
            roundId: 'r1',
            frame: 'carrier',
            importId: 'c1',
            fileName: 'c.csv',
            accepted: 1,
            rejectedCount: 1,
            rejected: [
              {
                line: 20_002,
                code: 'phone',
                value: '12345',
                reason: '"12345" is not a Chinese mobile or landline number',
              },
            ],
            part,
          },
        },
        {
          type: 'SamplingFrameEntriesAdded',
          data: {
            roundId: 'r1',
            frame: 'carrier',
            importId: 'c1',
            entries: [{ phone: '13900000002', district: 'gulou' }],
          },
        },
      ]);
  });
});

describe('interview', () => {
  const interview = deciderSpec(pollInterviewDecider, () => ({
    ...base,
    actor: { id: 'agent-a', role: 'agent' },
  }));
  const taken = {
    type: 'PollInterviewTaken' as const,
    data: {
      roundId: 'r1',
      interviewId: 'r1.1',
      phone: '13900000001',
      district: 'gulou',
      frame: 'hotline' as const,
      interviewerId: 'agent-a',
    },
  };

  it('refuses a number another interviewer took, so the take moves on to the next', () => {
    const byAnother = { ...taken, data: { ...taken.data, interviewerId: 'agent-b' } };
    interview
      .given([byAnother])
      .when({ type: 'TakeNextPollInterview', data: { roundId: 'r1' } }, { candidate: { ...taken.data } })
      .thenRejects(PollError.InterviewTaken);
  });

  it('answers a take racing the same interviewer’s own take with the number that one won, writing nothing', () => {
    interview
      .given([taken])
      .when({ type: 'TakeNextPollInterview', data: { roundId: 'r1' } }, { candidate: { ...taken.data } })
      .then([]);
  });

  it('records a second identical outcome as nothing, a different one as refused', () => {
    const failed = {
      type: 'PollInterviewFailed' as const,
      data: { roundId: 'r1', interviewId: 'r1.1', failure: 'not-reached' as const },
    };
    interview
      .given([taken, failed])
      .when({ type: 'RecordPollInterviewFailure', data: { interviewId: 'r1.1', failure: 'not-reached' } })
      .then([]);
    interview
      .given([taken, failed])
      .when({ type: 'RecordPollInterviewFailure', data: { interviewId: 'r1.1', failure: 'refused' } })
      .thenRejects(PollError.InterviewFinished);
  });
  it('lets a supervisor (signed in as an agent) audit a drawn interview, and not an agent', () => {
    const completed = {
      type: 'PollInterviewCompleted' as const,
      data: { roundId: 'r1', interviewId: 'r1.1', evaluations: [], audit: true },
    };
    const audit = { type: 'AuditPollInterview' as const, data: { interviewId: 'r1.1', upheld: true } };
    interview.given([taken, completed]).when(audit).thenRejects(PollError.RoleNotAllowed);
    interview
      .given([taken, completed])
      .when(audit, { actor: { id: 'sup-1', role: 'agent', gatewayRole: 'supervisor' } })
      .then([{ type: 'PollInterviewAudited', data: { roundId: 'r1', interviewId: 'r1.1', upheld: true } }]);
  });
});

describe('weighted satisfaction index', () => {
  it('weighs each question’s mean score, ranks ties alike, and leaves a unit nobody rated unranked', () => {
    const rows = unitIndices(questionnaire, [
      {
        unitId: 'water',
        interviews: 2,
        questions: { attitude: { answered: 2, scoreSum: 100 }, result: { answered: 2, scoreSum: 200 } },
      },
      {
        unitId: 'traffic',
        interviews: 1,
        questions: { attitude: { answered: 1, scoreSum: 50 }, result: { answered: 1, scoreSum: 100 } },
      },
    ]);
    // (3 × 50 + 1 × 100) ÷ 4 = 62.5 for both.
    expect(rows.map((r) => [r.unitId, r.index, r.rank])).toEqual([
      ['water', 62.5, 1],
      ['traffic', 62.5, 1],
      ['tax', null, null],
    ]);
  });
});
