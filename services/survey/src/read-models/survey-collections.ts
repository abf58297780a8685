/** The survey service's read-model collections. */
export const SurveyCollection = {
  /** One document per callback task: the queue and its outcomes. */
  callbackTasks: 'surveyCallbackTasks',
  /** Answer counters per grouping (unit, category, district), key and China day. */
  satisfaction: 'surveySatisfaction',
  /** Post-call survey counters per agent and China day. */
  agentScores: 'surveyAgentScores',
  /** One document per poll round: definition, status, deadline. */
  pollRounds: 'surveyPollRounds',
  /** One document per frame file imported: counts and the rejected lines. */
  pollFrameImports: 'surveyPollFrameImports',
  /** Progress per round, district and frame (配额): target, available, drawn, taken, outcomes. */
  pollQuotas: 'surveyPollQuotas',
  /** One document per sampled number: the call list and the answers. */
  pollInterviews: 'surveyPollInterviews',
  /** Per round and unit: interviews counted, per question answers and score sums, verification. */
  pollResults: 'surveyPollResults',
} as const;

/** `YYYY-MM-DD` of an instant in China time. */
export const chinaDay = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
