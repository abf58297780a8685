import { erlangCAverageSpeedOfAnswer, erlangCServiceLevel } from './erlang-c';
import { simulateQueue, type SimulationResult } from './queue-simulator';

/** The standard error of a ratio estimate from its batches (30-minute intervals), by batch means. */
function standardError(
  batches: SimulationResult['intervals'],
  part: (b: SimulationResult['intervals'][number]) => number,
): number {
  const full = batches.filter((b) => b.answered > 0);
  const estimates = full.map((b) => part(b) / b.answered);
  const mean = estimates.reduce((s, x) => s + x, 0) / estimates.length;
  const variance = estimates.reduce((s, x) => s + (x - mean) ** 2, 0) / (estimates.length - 1);
  return Math.sqrt(variance / estimates.length);
}

describe('the queue simulator through the real router', () => {
  // 10 erlangs on 14 agents with a 20 s target (the reference case of erlang.spec.ts).
  const input = { arrivalRate: 100 / 1800, averageHandleSeconds: 180, agents: 14 };
  const result = simulateQueue({
    agents: 14,
    arrivalsPerSecond: input.arrivalRate,
    averageHandleSeconds: input.averageHandleSeconds,
    contacts: 40_000,
    warmUpContacts: 500,
    seed: 20261207,
    queue: { serviceLevelSeconds: 20 },
  });

  it('answers every contact once, in a seeded and reproducible run', () => {
    expect(result.answered).toBe(result.offered);
    expect(result.offered).toBeGreaterThan(39_000);
  });

  it('reproduces the Erlang C service level within 2 %', () => {
    const expected = erlangCServiceLevel(input, 20);
    expect(Math.abs(result.serviceLevel - expected) / expected).toBeLessThanOrEqual(0.02);
  });

  it('reproduces the Erlang C ASA within three standard errors of the run (batch means)', () => {
    // ASA converges slowly (waits are long-range correlated): 2 % needs millions of contacts, which
    // the benchmark runs (bench/routing-erlang.ts); here the run's own confidence interval decides.
    const expected = erlangCAverageSpeedOfAnswer(input);
    const error = standardError(result.intervals, (b) => b.waitSecondsAnswered);
    expect(error).toBeLessThan(expected * 0.1);
    expect(Math.abs(result.averageSpeedOfAnswer - expected)).toBeLessThanOrEqual(3 * error);
  });
});
