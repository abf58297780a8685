import {
  POLL_IVR_INTERVIEWER,
  chinaWorkingCalendar,
  type PollInterviewEvent,
  type PollRoundEvent,
  type PollVerificationEvent,
} from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import type { DisputedInterview } from './poll-dispute.decide';
import { pollInterviewDecider } from './poll-interview.decider';
import { evaluationsOfCall, pollCallQuestions } from './poll-ivr-call';
import { pollRoundDecider } from './poll-round.decider';
import { pollVerificationDecider } from './poll-verification.decider';
import { PollError } from './poll.errors';

const robot = { id: POLL_IVR_INTERVIEWER, role: 'system' };
const center = { id: 'center-1', role: 'center' };
const scale = [
  { key: 'satisfied', label: '满意', score: 100 },
  { key: 'basically', label: '基本满意', score: 80 },
  { key: 'dissatisfied', label: '不满意', score: 0 },
];
const questionnaire = {
  units: [
    { unitId: 'water', name: '市水务局' },
    { unitId: 'traffic', name: '市交通运输局' },
  ],
  questions: [
    { questionId: 'attitude', text: '您对其服务态度是否满意', weight: 3, options: scale },
    { questionId: 'result', text: '您对其办理结果是否满意', weight: 1, options: scale },
  ],
};
const roundContext = { questionnaire, seed: 's', auditShare: 0 };
const now = new Date('2026-12-07T02:00:00Z');
const base = { districtId: 'city', commandId: 'c1', now, calendar: chinaWorkingCalendar() };

describe('the IVR poll call', () => {
  it('asks each question about each unit, its options on keys 1, 2, 3 with the unit named in the words', () => {
    const questions = pollCallQuestions(questionnaire);
    expect(questions.map((q) => q.id)).toEqual(['u0.attitude', 'u0.result', 'u1.attitude', 'u1.result']);
    expect(questions[2]).toEqual({
      id: 'u1.attitude',
      message: '关于市交通运输局：您对其服务态度是否满意？满意请按1，基本满意请按2，不满意请按3。',
      answers: { '1': 'k-satisfied', '2': 'k-basically', '3': 'k-dissatisfied' },
    });
  });

  it('asks a number of a unit’s own frame about that unit only', () => {
    expect(pollCallQuestions(questionnaire, 'traffic').map((q) => q.id)).toEqual([
      'u1.attitude',
      'u1.result',
    ]);
  });

  it('turns the keys back into answers per unit, leaving out what names nothing of the round', () => {
    const answers = {
      'u1.result': 'k-dissatisfied',
      'u0.attitude': 'k-satisfied',
      'u7.attitude': 'k-satisfied',
    };
    expect(evaluationsOfCall(questionnaire, { ...answers, 'u0.result': 'k-unknown' })).toEqual([
      { unitId: 'water', answers: { attitude: 'satisfied' } },
      { unitId: 'traffic', answers: { result: 'dissatisfied' } },
    ]);
  });
});

describe('the robot on a round', () => {
  const round = deciderSpec(pollRoundDecider, () => ({ ...base, actor: center }));
  const defined: PollRoundEvent = {
    type: 'PollRoundDefined',
    data: {
      roundId: 'r1',
      title: '2026年度民主评议',
      seed: 's',
      auditShare: 0,
      questionnaire,
      quotas: [{ district: 'gulou', frame: 'carrier', count: 10 }],
    },
  };
  const drawn: PollRoundEvent = {
    type: 'PollSampleDrawn',
    data: { roundId: 'r1', quotas: [], interviews: 0 },
  };
  const started: PollRoundEvent = { type: 'PollIvrStarted', data: { roundId: 'r1', attempts: 3 } };

  it('starts only on a drawn sample, and a repeated start or pause changes nothing', () => {
    round
      .given([defined])
      .when({ type: 'StartPollIvr', data: { roundId: 'r1', attempts: 3 } })
      .thenRejects(PollError.SampleNotDrawn);
    round
      .given([defined, drawn])
      .when({ type: 'StartPollIvr', data: { roundId: 'r1', attempts: 3 } })
      .then([started]);
    round
      .given([defined, drawn, started])
      .when({ type: 'StartPollIvr', data: { roundId: 'r1', attempts: 3 } })
      .then([]);
    round
      .given([defined, drawn, started])
      .when({ type: 'PausePollIvr', data: { roundId: 'r1' } })
      .then([{ type: 'PollIvrPaused', data: { roundId: 'r1' } }]);
    round
      .given([defined, drawn, started, { type: 'PollIvrPaused', data: { roundId: 'r1' } }])
      .when({ type: 'PausePollIvr', data: { roundId: 'r1' } })
      .then([]);
  });

  it('refuses a question too long for one spoken prompt, naming it', () => {
    const long = { ...questionnaire.questions[0]!, text: '请'.repeat(200) };
    const options = Array.from({ length: 10 }, (_, i) => ({
      key: `o${i}`,
      label: '非'.repeat(30),
      score: 10,
    }));
    const wordy: PollRoundEvent = {
      ...defined,
      data: { ...defined.data, questionnaire: { ...questionnaire, questions: [{ ...long, options }] } },
    };
    round
      .given([wordy, drawn])
      .when({ type: 'StartPollIvr', data: { roundId: 'r1', attempts: 3 } })
      .thenRejects(PollError.PromptTooLong, /question attitude/);
  });
});

describe('the robot’s interview', () => {
  const interview = deciderSpec(pollInterviewDecider, () => ({
    ...base,
    actor: robot,
    round: roundContext,
    ivrRetryMinutes: 120,
  }));
  const ref = { roundId: 'r1', interviewId: 'r1.4' };
  const taken: PollInterviewEvent = {
    type: 'PollInterviewTaken',
    data: {
      ...ref,
      phone: '13900000004',
      district: 'gulou',
      frame: 'carrier',
      interviewerId: POLL_IVR_INTERVIEWER,
    },
  };
  const placed = (attempt: number): PollInterviewEvent => ({
    type: 'PollInterviewCallPlaced',
    data: { ...ref, callId: `poll-r1.4.${attempt}`, attempt, attempts: 3 },
  });
  const failed = (attempt: number, retryAt?: string): PollInterviewEvent => ({
    type: 'PollInterviewCallFailed',
    data: {
      ...ref,
      callId: `poll-r1.4.${attempt}`,
      attempt,
      outcome: 'busy',
      ...(retryAt ? { retryAt } : {}),
    },
  });
  const outcome = (attempt: number, data: Record<string, unknown>) => ({
    type: 'RecordPollInterviewCall' as const,
    data: { interviewId: 'r1.4', callId: `poll-r1.4.${attempt}`, ...data } as never,
  });
  const place = { type: 'PlacePollInterviewCall' as const, data: { interviewId: 'r1.4', attempts: 3 } };

  it('places its first call under the interview’s and the attempt’s id, and not twice while it is open', () => {
    interview
      .given([taken])
      .when(place)
      .then([placed(1)]);
    interview
      .given([taken, placed(1)])
      .when(place)
      .then([]);
  });

  it('calls again only when the retry is due', () => {
    const retryAt = '2026-12-07T04:00:00.000Z';
    interview
      .given([taken, placed(1), failed(1, retryAt)])
      .when(place)
      .thenRejects(PollError.CallNotDue);
    interview
      .given([taken, placed(1), failed(1, retryAt)])
      .when(place, { now: new Date(retryAt) })
      .then([placed(2)]);
  });

  it('refuses to call a number an interviewer holds', () => {
    const byAgent: PollInterviewEvent = {
      ...taken,
      data: { ...taken.data, interviewerId: 'agent-a' },
    };
    interview.given([byAgent]).when(place).thenRejects(PollError.NotRobotInterview);
    interview.given([taken]).when(place, { actor: center }).thenRejects(PollError.RoleNotAllowed);
  });

  it('records the keys as the interview answered by the IVR, with the call', () => {
    interview
      .given([taken, placed(1)])
      .when(
        outcome(1, {
          outcome: 'answered',
          answers: { 'u0.attitude': 'k-basically', 'u1.result': 'k-satisfied' },
        }),
      )
      .then([
        {
          type: 'PollInterviewCompleted',
          data: {
            ...ref,
            callId: 'poll-r1.4.1',
            audit: false,
            evaluations: [
              { unitId: 'water', answers: { attitude: 'basically' } },
              { unitId: 'traffic', answers: { result: 'satisfied' } },
            ],
          },
        },
      ]);
  });

  it('keeps the call’s recording with the robot’s interview', () => {
    interview
      .given([taken, placed(1)])
      .when(
        outcome(1, {
          outcome: 'answered',
          answers: { 'u0.attitude': 'k-basically' },
          recordingId: 'att-0123456789abcdef0123',
        }),
      )
      .then([
        {
          type: 'PollInterviewCompleted',
          data: {
            ...ref,
            callId: 'poll-r1.4.1',
            audit: false,
            evaluations: [{ unitId: 'water', answers: { attitude: 'basically' } }],
            recordingId: 'att-0123456789abcdef0123',
          },
        },
      ]);
  });

  it('counts an answered call without a key as refused', () => {
    interview
      .given([taken, placed(1)])
      .when(outcome(1, { outcome: 'answered' }))
      .then([{ type: 'PollInterviewFailed', data: { ...ref, failure: 'refused' } }]);
  });

  it('counts a busy call as an attempt due again later, the last one as not reached', () => {
    interview
      .given([taken, placed(1)])
      .when(outcome(1, { outcome: 'busy' }))
      .then([failed(1, '2026-12-07T04:00:00.000Z')]);
    interview
      .given([taken, placed(1), failed(1, 'x'), placed(2), failed(2, 'y'), placed(3)])
      .when(outcome(3, { outcome: 'busy' }))
      .then([failed(3), { type: 'PollInterviewFailed', data: { ...ref, failure: 'not-reached' } }]);
  });

  it('records a redelivered outcome once', () => {
    interview
      .given([taken, placed(1), failed(1, 'x')])
      .when(outcome(1, { outcome: 'busy' }))
      .then([]);
    interview
      .given([taken, placed(1), { type: 'PollInterviewFailed', data: { ...ref, failure: 'refused' } }])
      .when(outcome(1, { outcome: 'answered' }))
      .then([]);
  });
});

describe('the center’s reply to a dispute (二次终审)', () => {
  const verification = deciderSpec(pollVerificationDecider, () => ({
    ...base,
    actor: center,
    questionnaire,
    interviews: new Map<string, DisputedInterview>([
      ['r1.1', { counts: true, answers: { attitude: 'dissatisfied' } }],
      ['r1.2', { counts: true, answers: { attitude: 'basically', result: 'dissatisfied' } }],
      ['r1.3', { counts: false, answers: { attitude: 'dissatisfied' } }],
      ['r1.5', { counts: true }],
    ]),
  }));
  const disputed: PollVerificationEvent = {
    type: 'PollResultsVerified',
    data: {
      roundId: 'r1',
      unitId: 'water',
      agreed: false,
      response: '第1条访问对象不是我局服务对象',
      late: false,
    },
  };
  const reply = (data: Record<string, unknown>) => ({
    type: 'AnswerPollDispute' as const,
    data: {
      roundId: 'r1',
      unitId: 'water',
      reasons: '经复核录音',
      struck: [],
      corrected: [],
      ...data,
    } as never,
  });

  it('strikes and corrects the interviews named, carrying what their answers were', () => {
    verification
      .given([disputed])
      .when(
        reply({
          decision: 'accepted',
          struck: ['r1.1'],
          corrected: [{ interviewId: 'r1.2', answers: { attitude: 'satisfied' } }],
        }),
      )
      .then([
        {
          type: 'PollDisputeAnswered',
          data: {
            roundId: 'r1',
            unitId: 'water',
            decision: 'accepted',
            reasons: '经复核录音',
            struck: [{ interviewId: 'r1.1', previous: { attitude: 'dissatisfied' } }],
            corrected: [
              {
                interviewId: 'r1.2',
                previous: { attitude: 'basically', result: 'dissatisfied' },
                answers: { attitude: 'satisfied' },
              },
            ],
          },
        },
      ]);
  });

  it('answers only a dispute, once', () => {
    const agreed = { ...disputed, data: { ...disputed.data, agreed: true } } as PollVerificationEvent;
    verification
      .given([agreed])
      .when(reply({ decision: 'upheld' }))
      .thenRejects(PollError.NotDisputed);
    const answered: PollVerificationEvent = {
      type: 'PollDisputeAnswered',
      data: {
        roundId: 'r1',
        unitId: 'water',
        decision: 'upheld',
        reasons: '维持',
        struck: [],
        corrected: [],
      },
    };
    verification
      .given([disputed, answered])
      .when(reply({ decision: 'upheld' }))
      .thenRejects(PollError.DisputeAnswered);
    verification
      .given([disputed])
      .when(reply({ decision: 'upheld' }), { actor: { id: 'u', role: 'unit', unitId: 'water' } })
      .thenRejects(PollError.RoleNotAllowed);
  });

  it('names the field of a reply that does not fit the dispute', () => {
    const refuses = (data: Record<string, unknown>, message: RegExp) =>
      expect(() =>
        pollVerificationDecider.decide(
          reply(data),
          pollVerificationDecider.evolve(pollVerificationDecider.initialState(), disputed),
          {
            ...base,
            actor: center,
            questionnaire,
            interviews: new Map<string, DisputedInterview>([
              ['r1.1', { counts: true, answers: { attitude: 'dissatisfied' } }],
              ['r1.3', { counts: false }],
              ['r1.5', { counts: true }],
            ]),
          },
        ),
      ).toThrow(message);
    refuses({ decision: 'upheld', struck: ['r1.1'] }, /^struck: must be empty/);
    refuses({ decision: 'accepted' }, /^struck: an accepted dispute/);
    refuses({ decision: 'accepted', struck: ['r1.3'] }, /^struck\[0\]: r1.3 is not an interview that counts/);
    refuses({ decision: 'accepted', struck: ['r1.5'] }, /^struck\[0\]: r1.5 did not evaluate unit water/);
    refuses(
      { decision: 'accepted', corrected: [{ interviewId: 'r1.1', answers: { attitude: 'great' } }] },
      /^corrected\[0\].answers.attitude: great is not an option/,
    );
    refuses(
      {
        decision: 'accepted',
        struck: ['r1.1'],
        corrected: [{ interviewId: 'r1.1', answers: { attitude: 'satisfied' } }],
      },
      /named twice/,
    );
  });
});
