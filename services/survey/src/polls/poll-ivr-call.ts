import type { OutboundQuestion, PollEvaluation, PollQuestionnaire } from '@hotline/contracts';

/** The questions one outbound call may ask (the sipapp's `PlaceOutboundCall.questions`). */
export const MAX_CALL_QUESTIONS = 60;
/** The words one prompt may hold (the dialer's spoken text). */
export const MAX_PROMPT_CHARS = 500;

const CALL_PREFIX = 'poll-';
/** The keys of a scale's options, in order: the tenth option is 0. */
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** The robot's call of an interview's attempt, and back: `poll-<interviewId>.<attempt>`. */
export const pollCallId = (interviewId: string, attempt: number): string =>
  `${CALL_PREFIX}${interviewId}.${attempt}`;
export const interviewOfPollCall = (callId: string): string | undefined =>
  callId.startsWith(CALL_PREFIX) ? callId.slice(CALL_PREFIX.length).replace(/\.\d+$/, '') : undefined;

/** The dialer's answers are slugs starting with a letter; an option key may start with a digit. */
const answerSlug = (key: string) => `k-${key}`;

/** What the citizen hears first: who calls and why, then the questions in turn. */
export const pollCallIntroduction = (title: string): string =>
  `您好，这里是12345热线。我们正在开展${title}，请您对有关部门的服务进行评价，请按键作答。`;

/**
 * The units a call asks about: a number from a unit's own frame (its service users) is asked about
 * that unit only; any other about every unit of the round.
 */
export function unitsAsked(questionnaire: PollQuestionnaire, unitId?: string): number[] {
  const own = unitId === undefined ? -1 : questionnaire.units.findIndex((u) => u.unitId === unitId);
  return own >= 0 ? [own] : questionnaire.units.map((_, i) => i);
}

/** Whether a call about every unit fits in one call; if not, the robot calls only unit-frame numbers. */
export const wholeQuestionnaireFits = (questionnaire: PollQuestionnaire): boolean =>
  questionnaire.units.length * questionnaire.questions.length <= MAX_CALL_QUESTIONS;

/** One prompt: the unit named, the question, each option with its key (满意请按1，基本满意请按2…). */
export function questionPrompt(unitName: string, question: PollQuestionnaire['questions'][number]): string {
  const keys = question.options.map((option, i) => `${option.label}请按${KEYS[i]}`).join('，');
  return `关于${unitName}：${question.text}？${keys}。`;
}

/**
 * The call's questions: each question about each unit asked, ids `u<unit index>.<question id>`,
 * each option's key answering its option.
 */
export function pollCallQuestions(questionnaire: PollQuestionnaire, unitId?: string): OutboundQuestion[] {
  return unitsAsked(questionnaire, unitId).flatMap((u) => {
    const unit = questionnaire.units[u];
    if (!unit) return [];
    return questionnaire.questions.map((question) => ({
      id: `u${u}.${question.questionId}`,
      message: questionPrompt(unit.name, question),
      answers: Object.fromEntries(
        question.options.map((option, i): [string, string] => [KEYS[i] ?? '0', answerSlug(option.key)]),
      ),
    }));
  });
}

/**
 * The call's answers as the interview's evaluations, per unit in questionnaire order; an answer
 * that names no unit, question or option of the round is left out (never guessed).
 */
export function evaluationsOfCall(
  questionnaire: PollQuestionnaire,
  answers: Readonly<Record<string, string>>,
): PollEvaluation[] {
  const byUnit = new Map<number, Record<string, string>>();
  for (const [id, slug] of Object.entries(answers)) {
    const match = /^u(\d+)\.(.+)$/.exec(id);
    const unit = match ? Number(match[1]) : -1;
    const question = questionnaire.questions.find((q) => q.questionId === match?.[2]);
    const option = question?.options.find((o) => answerSlug(o.key) === slug);
    if (!questionnaire.units[unit] || !question || !option) continue;
    byUnit.set(unit, { ...byUnit.get(unit), [question.questionId]: option.key });
  }
  return [...byUnit.entries()]
    .sort(([a], [b]) => a - b)
    .map(([u, unitAnswers]) => ({ unitId: questionnaire.units[u]?.unitId ?? '', answers: unitAnswers }));
}
