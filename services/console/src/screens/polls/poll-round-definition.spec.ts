import { DefinePollRound, PollQuestion, PollQuota } from '@hotline/contracts';
import {
  POLL_PERIOD_SPANS,
  POLL_ROUND_LIMITS,
  POLL_SCALE_NAMES,
  definePollRoundBody,
  formFieldOf,
  pollRoundIdOf,
  type PollRoundFormValues,
} from './poll-round-definition';

const values = (over: Partial<PollRoundFormValues> = {}): PollRoundFormValues => ({
  year: 2027,
  span: 'h1',
  title: ' 2027年上半年民主评议 ',
  unitIds: ['housing-bureau', 'water-group'],
  questions: POLL_SCALE_NAMES.map((scale, i) => ({ text: `问题${i}`, weight: i + 1, scale })),
  quotas: [
    { district: 'gulou', frame: 'hotline', count: 30 },
    { district: 'taijiang', frame: 'carrier', count: 5 },
  ],
  auditPercent: 12.5,
  seed: ' 2027-draw ',
  ...over,
});
const body = (v: PollRoundFormValues) =>
  definePollRoundBody(
    v,
    (id) => `单位 ${id}`,
    (key) => `答案 ${key}`,
  );
const parses = (v: PollRoundFormValues) => DefinePollRound.schema.safeParse(body(v)).success;

describe('the new poll round form', () => {
  it('makes a body the contract accepts, with every scale and period', () => {
    for (const span of POLL_PERIOD_SPANS) expect(parses(values({ span }))).toBe(true);
    const made = body(values());
    expect(made).toMatchObject({
      roundId: '2027-h1',
      title: '2027年上半年民主评议',
      seed: '2027-draw',
      auditShare: 0.125,
    });
    expect(made.questionnaire.units[1]).toEqual({ unitId: 'water-group', name: '单位 water-group' });
    expect(made.questionnaire.questions.map((q) => q.questionId)).toEqual(['q1', 'q2', 'q3']);
    expect(made.questionnaire.questions[0]?.options[0]).toEqual({
      key: 'satisfied',
      label: '答案 satisfied',
      score: 100,
    });
  });

  it('names a whole year by the year alone and a part of it by the year and the part', () => {
    expect(pollRoundIdOf(2026, 'year')).toBe('2026');
    expect(pollRoundIdOf(2026, 'q3')).toBe('2026-q3');
  });

  it("mirrors the contract's limits: at the limit accepted, one past it refused", () => {
    const L = POLL_ROUND_LIMITS;
    expect(parses(values({ title: '评'.repeat(L.title) }))).toBe(true);
    expect(parses(values({ title: '评'.repeat(L.title + 1) }))).toBe(false);
    expect(parses(values({ seed: 's'.repeat(L.seed) }))).toBe(true);
    expect(parses(values({ seed: 's'.repeat(L.seed + 1) }))).toBe(false);
    const units = (n: number) => Array.from({ length: n }, (_, i) => `unit-${i}`);
    expect(parses(values({ unitIds: units(L.units) }))).toBe(true);
    expect(parses(values({ unitIds: units(L.units + 1) }))).toBe(false);
    const questions = (n: number) => Array.from({ length: n }, () => ({ text: '态度', weight: 1 }));
    expect(parses(values({ questions: questions(L.questions) }))).toBe(true);
    expect(parses(values({ questions: questions(L.questions + 1) }))).toBe(false);
    expect(PollQuestion.shape.text.safeParse('问'.repeat(L.questionText + 1)).success).toBe(false);
    expect(PollQuestion.shape.weight.safeParse(L.weight).success).toBe(true);
    expect(PollQuestion.shape.weight.safeParse(L.weight + 0.5).success).toBe(false);
    expect(PollQuestion.shape.weight.safeParse(0).success).toBe(false);
    const quotas = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ district: `d${i}`, frame: 'hotline' as const, count: 1 }));
    expect(parses(values({ quotas: quotas(L.quotas) }))).toBe(true);
    expect(parses(values({ quotas: quotas(L.quotas + 1) }))).toBe(false);
    expect(PollQuota.shape.count.safeParse(L.quotaCount).success).toBe(true);
    expect(PollQuota.shape.count.safeParse(L.quotaCount + 1).success).toBe(false);
    expect(parses(values({ auditPercent: 100 }))).toBe(true);
    expect(parses(values({ auditPercent: 100.1 }))).toBe(false);
  });

  it('finds the form field a refusal of the service names, in either of its spellings', () => {
    expect(formFieldOf('quotas.1.count')).toEqual(['quotas', 1, 'count']);
    expect(formFieldOf('quotas[2]')).toEqual(['quotas', 2, 'district']);
    expect(formFieldOf('questionnaire.questions[0].options[1].key')).toEqual(['questions', 0, 'scale']);
    expect(formFieldOf('questionnaire.questions.3.weight')).toEqual(['questions', 3, 'weight']);
    expect(formFieldOf('questionnaire.units[4].unitId')).toEqual(['unitIds']);
    expect(formFieldOf('auditShare')).toEqual(['auditPercent']);
    expect(formFieldOf('roundId')).toEqual(['span']);
    expect(formFieldOf('somethingElse')).toBeUndefined();
    expect(formFieldOf(undefined)).toBeUndefined();
  });
});
