/**
 * Erlang C (M/M/N, callers wait forever): the probability of waiting, the service level and the
 * average speed of answer for N agents offered A = λ·AHT erlangs.
 */
export interface ErlangInput {
  /** Arrivals per second. */
  arrivalRate: number;
  averageHandleSeconds: number;
  agents: number;
}

export const offeredLoad = (input: Pick<ErlangInput, 'arrivalRate' | 'averageHandleSeconds'>): number =>
  input.arrivalRate * input.averageHandleSeconds;

/** Erlang B by the stable recursion B(k) = A·B(k−1) / (k + A·B(k−1)). */
export function erlangB(agents: number, load: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (load * b) / (k + load * b);
  return b;
}

/** P(wait > 0); 1 when the agents cannot keep up (N ≤ A). */
export function erlangC(agents: number, load: number): number {
  if (agents <= load) return 1;
  const b = erlangB(agents, load);
  return (agents * b) / (agents - load * (1 - b));
}

/** P(wait ≤ t): 1 − C·e^(−(N−A)·t/AHT). */
export function erlangCServiceLevel(input: ErlangInput, thresholdSeconds: number): number {
  const load = offeredLoad(input);
  if (input.agents <= load) return 0;
  const c = erlangC(input.agents, load);
  return 1 - c * Math.exp((-(input.agents - load) * thresholdSeconds) / input.averageHandleSeconds);
}

/** Average speed of answer: C·AHT / (N − A). */
export function erlangCAverageSpeedOfAnswer(input: ErlangInput): number {
  const load = offeredLoad(input);
  if (input.agents <= load) return Infinity;
  return (erlangC(input.agents, load) * input.averageHandleSeconds) / (input.agents - load);
}

/** The fewest agents whose Erlang C service level meets the target. */
export function agentsNeededErlangC(
  input: Omit<ErlangInput, 'agents'>,
  target: { serviceLevel: number; thresholdSeconds: number },
): number {
  let agents = Math.max(1, Math.floor(offeredLoad(input)) + 1);
  while (erlangCServiceLevel({ ...input, agents }, target.thresholdSeconds) < target.serviceLevel) agents++;
  return agents;
}
