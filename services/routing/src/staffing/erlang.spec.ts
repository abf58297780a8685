import { agentsNeededErlangC, erlangC, erlangCAverageSpeedOfAnswer, erlangCServiceLevel } from './erlang-c';
import { agentsNeededErlangA, erlangA } from './erlang-a';

/*
 * Reference values. Inputs are the worked example of Call Centre Helper's "Erlang C formula made
 * simple" (100 calls in 30 minutes, 180 s handle time, a 20 s target: A = 10 erlangs), whose
 * published results for 14 agents are a 17.4 % probability of waiting, an 88.8 % service level and
 * an ASA of 7.8 s; and the step-by-step example of the "Erlang-C formula" page (360 calls per half
 * hour, 240 s, 55 agents, 15 s: A = 48 erlangs). The digits below were recomputed from Erlang's
 * closed form with exact rational arithmetic (Python `fractions`: the sum of A^k/k! and
 * A^N/N!·N/(N−A)), independently of this code.
 */
const REFERENCE = [
  { calls30: 100, aht: 180, agents: 14, t: 20, pWait: 0.174132, sl: 0.88835, asa: 7.8359 },
  { calls30: 100, aht: 180, agents: 11, t: 20, pWait: 0.682118, sl: 0.389614, asa: 122.7813 },
  { calls30: 360, aht: 240, agents: 55, t: 15, pWait: 0.238701, sl: 0.845883, asa: 8.184 },
];

describe('Erlang C', () => {
  it.each(REFERENCE)('matches the reference for $calls30 calls, $aht s, $agents agents', (ref) => {
    const input = { arrivalRate: ref.calls30 / 1800, averageHandleSeconds: ref.aht, agents: ref.agents };
    expect(erlangC(ref.agents, (ref.calls30 / 1800) * ref.aht)).toBeCloseTo(ref.pWait, 5);
    expect(erlangCServiceLevel(input, ref.t)).toBeCloseTo(ref.sl, 5);
    expect(erlangCAverageSpeedOfAnswer(input)).toBeCloseTo(ref.asa, 3);
  });

  it('staffs the fewest agents that reach the service level (14 for 80 % in 20 s at 10 erlangs)', () => {
    expect(
      agentsNeededErlangC(
        { arrivalRate: 100 / 1800, averageHandleSeconds: 180 },
        { serviceLevel: 0.8, thresholdSeconds: 20 },
      ),
    ).toBe(14);
    expect(
      erlangCServiceLevel({ arrivalRate: 100 / 1800, averageHandleSeconds: 180, agents: 13 }, 20),
    ).toBeLessThan(0.8);
  });
});

describe('Erlang A', () => {
  it('tends to Erlang C when callers are all but infinitely patient', () => {
    const input = { arrivalRate: 100 / 1800, averageHandleSeconds: 180, agents: 14 };
    const a = erlangA({ ...input, averagePatienceSeconds: 1e7 }, 20);
    expect(a.probabilityOfWaiting).toBeCloseTo(0.174132, 4);
    expect(a.serviceLevel).toBeCloseTo(0.88835, 3);
    expect(a.probabilityOfAbandoning).toBeLessThan(1e-6);
  });

  it('needs fewer agents than Erlang C when impatient callers leave', () => {
    const load = { arrivalRate: 360 / 1800, averageHandleSeconds: 240 };
    const target = { serviceLevel: 0.8, thresholdSeconds: 15 };
    const withAbandonment = agentsNeededErlangA({ ...load, averagePatienceSeconds: 60 }, target);
    expect(withAbandonment).toBeLessThan(agentsNeededErlangC(load, target));
    const result = erlangA({ ...load, agents: 50, averagePatienceSeconds: 60 }, 15);
    expect(result.probabilityOfAbandoning).toBeGreaterThan(0.01);
    expect(result.probabilityOfAbandoning).toBeLessThan(0.2);
  });
});
