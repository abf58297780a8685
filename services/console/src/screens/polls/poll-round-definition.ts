import type { PollFrame, PollQuestionnaire } from './polls-api';

/**
 * The center's "new round" form as data: its values, the contract's limits it mirrors
 * (`DefinePollRound` in contracts/src/survey/), and the command body it makes. Pure, so the unit
 * spec proves every body the form can make parses with the contract itself.
 */
export const POLL_ROUND_LIMITS = {
  title: 200,
  units: 500,
  questions: 30,
  questionText: 200,
  weight: 100,
  quotas: 400,
  quotaCount: 100_000,
  seed: 100,
} as const;

/** The period a round covers (评议期间): a whole year (年度), a half or a quarter. */
export const POLL_PERIOD_SPANS = ['year', 'h1', 'h2', 'q1', 'q2', 'q3', 'q4'] as const;
export type PollPeriodSpan = (typeof POLL_PERIOD_SPANS)[number];

/** The answer scales the center chooses from; each answer's score (0–100) makes the index. */
export const POLL_SCALES = {
  four: [
    { key: 'satisfied', score: 100 },
    { key: 'basic', score: 80 },
    { key: 'fair', score: 60 },
    { key: 'dissatisfied', score: 0 },
  ],
  three: [
    { key: 'satisfied', score: 100 },
    { key: 'basic', score: 80 },
    { key: 'dissatisfied', score: 0 },
  ],
  five: [
    { key: 'very-satisfied', score: 100 },
    { key: 'satisfied', score: 80 },
    { key: 'fair', score: 60 },
    { key: 'dissatisfied', score: 30 },
    { key: 'very-dissatisfied', score: 0 },
  ],
} as const satisfies Record<string, readonly { key: string; score: number }[]>;
export type PollScaleName = keyof typeof POLL_SCALES;
export const POLL_SCALE_NAMES = Object.keys(POLL_SCALES) as PollScaleName[];

export interface PollQuestionRow {
  text?: string;
  weight?: number | null;
  scale?: PollScaleName;
}

export interface PollQuotaRow {
  district?: string;
  frame?: PollFrame;
  count?: number | null;
}

export interface PollRoundFormValues {
  year: number;
  span: PollPeriodSpan;
  title: string;
  unitIds: string[];
  questions: PollQuestionRow[];
  quotas: PollQuotaRow[];
  /** The audited share in per cent (the contract's `auditShare` is 0–1). */
  auditPercent: number;
  seed: string;
}

export interface DefinePollRoundBody {
  roundId: string;
  title: string;
  questionnaire: PollQuestionnaire;
  quotas: { district: string; frame: PollFrame; count: number }[];
  seed: string;
  auditShare: number;
}

/**
 * The round's id is its period (`2026`, `2026-h2`, `2026-q3`): one round per period, so a second
 * definition of the same period is refused by the service (POLL_ROUND_EXISTS) instead of doubling.
 */
export const pollRoundIdOf = (year: number, span: PollPeriodSpan): string =>
  span === 'year' ? String(year) : `${year}-${span}`;

/** A district and frame's key: one quota per pair. */
export const quotaKey = (row: PollQuotaRow): string => `${row.district ?? ''}|${row.frame ?? ''}`;

/** The command body; `unitName` and `answerLabel` put the units' names and the scale's words in. */
export function definePollRoundBody(
  values: PollRoundFormValues,
  unitName: (unitId: string) => string,
  answerLabel: (key: string) => string,
): DefinePollRoundBody {
  return {
    roundId: pollRoundIdOf(values.year, values.span),
    title: values.title.trim(),
    questionnaire: {
      units: values.unitIds.map((unitId) => ({ unitId, name: unitName(unitId) })),
      questions: values.questions.map((question, i) => ({
        questionId: `q${i + 1}`,
        text: (question.text ?? '').trim(),
        weight: question.weight ?? 0,
        options: POLL_SCALES[question.scale ?? 'four'].map(({ key, score }) => ({
          key,
          label: answerLabel(key),
          score,
        })),
      })),
    },
    quotas: values.quotas.map((quota) => ({
      district: quota.district ?? '',
      frame: quota.frame ?? 'hotline',
      count: quota.count ?? 0,
    })),
    seed: values.seed.trim(),
    auditShare: Math.round(values.auditPercent * 10) / 1000,
  };
}

/** Where in the form a field the service named (`quotas.1.count`, `quotas[1]`) is. */
export type PollRoundFieldPath =
  | ['span']
  | ['title']
  | ['unitIds']
  | ['seed']
  | ['auditPercent']
  | ['questions']
  | ['quotas']
  | ['questions', number, 'text' | 'weight' | 'scale']
  | ['quotas', number, 'district' | 'frame' | 'count'];

export function formFieldOf(serverField: string | undefined): PollRoundFieldPath | undefined {
  if (serverField === undefined) return undefined;
  const parts = serverField.replace(/\[(\d+)\]/g, '.$1').split('.');
  switch (parts[0] ?? '') {
    case 'roundId':
      return ['span'];
    case 'title':
      return ['title'];
    case 'seed':
      return ['seed'];
    case 'auditShare':
      return ['auditPercent'];
    case 'quotas': {
      const row = Number(parts[1]);
      if (!Number.isInteger(row)) return ['quotas'];
      const column = parts[2];
      return ['quotas', row, column === 'frame' || column === 'count' ? column : 'district'];
    }
    case 'questionnaire': {
      if (parts[1] === 'units') return ['unitIds'];
      if (parts[1] !== 'questions') return undefined;
      const index = Number(parts[2]);
      if (!Number.isInteger(index)) return ['questions'];
      if (parts[3] === 'weight') return ['questions', index, 'weight'];
      return ['questions', index, parts[3] === 'options' ? 'scale' : 'text'];
    }
    default:
      return undefined;
  }
}
