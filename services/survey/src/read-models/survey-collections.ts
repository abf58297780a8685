/** The survey service's read-model collections. */
export const SurveyCollection = {
  /** One document per callback task: the queue and its outcomes. */
  callbackTasks: 'surveyCallbackTasks',
  /** Answer counters per grouping (unit, category, district), key and China day. */
  satisfaction: 'surveySatisfaction',
  /** Post-call survey counters per agent and China day. */
  agentScores: 'surveyAgentScores',
} as const;

/** `YYYY-MM-DD` of an instant in China time. */
export const chinaDay = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
