import { offeredLoad, type ErlangInput } from './erlang-c';

export interface ErlangAInput extends ErlangInput {
  /** Mean patience of a waiting caller (exponential), in seconds. */
  averagePatienceSeconds: number;
}

export interface ErlangAResult {
  probabilityOfWaiting: number;
  probabilityOfAbandoning: number;
  /** Answered within the threshold ÷ answered, the same definition as the queue statistics. */
  serviceLevel: number;
  /** Mean wait of every caller, answered or not (Little's law on the queue). */
  averageWaitSeconds: number;
}

/**
 * Erlang A (M/M/N+M, Palm's model with exponential patience): the stationary distribution of the
 * birth–death chain with death rate min(n, N)·μ + max(n − N, 0)·θ, truncated where it vanishes.
 * The service level comes from the time a caller with j callers ahead needs to reach an agent
 * (stages with rates N·μ + i·θ, the caller's own patience running at θ), by uniformization.
 */
export function erlangA(input: ErlangAInput, thresholdSeconds: number): ErlangAResult {
  const { arrivalRate: lambda, agents: n, averageHandleSeconds, averagePatienceSeconds } = input;
  const mu = 1 / averageHandleSeconds;
  const theta = 1 / averagePatienceSeconds;
  const weights = [1];
  for (let k = 1; ; k++) {
    const death = Math.min(k, n) * mu + Math.max(k - n, 0) * theta;
    const next = (weights[k - 1]! * lambda) / death;
    weights.push(next);
    if (k > n + 10 && next < 1e-14 * Math.max(...weights.slice(-50))) break;
    if (k > 100_000) break;
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  const pi = weights.map((w) => w / total);
  let waiting = 0;
  let queueLength = 0;
  for (let k = n; k < pi.length; k++) {
    waiting += pi[k]!;
    queueLength += (k - n) * pi[k]!;
  }
  const abandoning = lambda > 0 ? (theta * queueLength) / lambda : 0;
  const servedWithin = servedWithinProbabilities(n, mu, theta, pi.length - n, thresholdSeconds);
  let answeredWithin = 0;
  for (let k = 0; k < pi.length; k++) answeredWithin += pi[k]! * (k < n ? 1 : servedWithin[k - n]!);
  return {
    probabilityOfWaiting: waiting,
    probabilityOfAbandoning: abandoning,
    serviceLevel: answeredWithin / (1 - abandoning),
    averageWaitSeconds: lambda > 0 ? queueLength / lambda : 0,
  };
}

/** For j = 0..J−1 callers ahead: P(reaching an agent within t before giving up). */
function servedWithinProbabilities(
  n: number,
  mu: number,
  theta: number,
  stages: number,
  t: number,
): number[] {
  const rate = n * mu + stages * theta + theta;
  const mean = rate * t;
  const steps = Math.ceil(mean + 10 * Math.sqrt(mean) + 10);
  let g = new Array<number>(stages).fill(0);
  const result = new Array<number>(stages).fill(0);
  let poisson = Math.exp(-mean);
  for (let k = 1; k <= steps; k++) {
    const next = new Array<number>(stages);
    for (let i = 0; i < stages; i++) {
      const advance = (n * mu + i * theta) / rate;
      const stay = 1 - advance - theta / rate;
      next[i] = advance * (i === 0 ? 1 : g[i - 1]!) + stay * g[i]!;
    }
    g = next;
    poisson *= mean / k;
    for (let i = 0; i < stages; i++) result[i]! += poisson * g[i]!;
  }
  return result;
}

/** The fewest agents whose Erlang A service level meets the target. */
export function agentsNeededErlangA(
  input: Omit<ErlangAInput, 'agents'>,
  target: { serviceLevel: number; thresholdSeconds: number },
): number {
  let agents = Math.max(1, Math.floor(offeredLoad(input) * 0.5));
  while (erlangA({ ...input, agents }, target.thresholdSeconds).serviceLevel < target.serviceLevel) agents++;
  return agents;
}
