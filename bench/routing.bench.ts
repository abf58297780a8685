/**
 * The router (services/routing): routing decisions with 5,000 agents logged in and 50,000 contacts
 * waiting (goal: p99 ≤ 1 ms per decision), and the simulator against Erlang C over a long run (ASA
 * converges slowly; the unit test runs 40,000 contacts, this one millions), and contacts through two
 * service instances on NATS (`routing-two-instances.ts`). No raw engine: the
 * router is ours end to end, so the lines report rates and percentiles.
 */
import { systemActor, type QueueConfig, type RouterCommand } from '@hotline/contracts';
import { routerDecider } from '@hotline/routing';
import { erlangCAverageSpeedOfAnswer, erlangCServiceLevel, simulateQueue } from '@hotline/routing/staffing';
import type { BenchResult, Benchmark } from './bench-kit';
import { twoInstancesOnNats } from './routing-two-instances';

const AGENTS = 5_000;
const WAITING = 50_000;
const DECISIONS = 20_000;
const QUEUES = 10;

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

function queue(i: number): QueueConfig {
  return {
    queueId: `q${i}`,
    name: `queue ${i}`,
    requiredSkills: i % 3 === 0 ? [{ skillId: 'lang.yue', minLevel: 1 }] : [],
    strategy: (['longest-idle', 'fewest-contacts', 'round-robin', 'top-down', 'weighted-random'] as const)[
      i % 5
    ]!,
    offerTimeoutSeconds: 20,
    afterContactWorkSeconds: 0,
    tierRules: [{ tier: 2, afterSeconds: 30 }],
    urgentPriority: 2,
    repeatCallerPriority: 1,
    serviceLevelSeconds: 15,
    shortAbandonSeconds: 5,
  };
}

function decisionLatency(scale: number): BenchResult {
  const agents = Math.max(10, Math.round(AGENTS * scale));
  const waiting = Math.max(100, Math.round(WAITING * scale));
  const decisions = Math.max(200, Math.round(DECISIONS * scale));
  let state = routerDecider.initialState();
  let now = Date.parse('2026-12-07T01:00:00Z');
  let seq = 0;
  const decide = (command: RouterCommand): number => {
    const started = process.hrtime.bigint();
    const events = routerDecider.decide(command, state, {
      now: new Date(now),
      actor: systemActor('bench'),
      districtId: 'city',
      commandId: `bench-${seq++}`,
    });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    for (const event of events) state = routerDecider.evolve(state, event);
    return elapsed;
  };
  for (let q = 0; q < QUEUES; q++) decide({ type: 'DefineQueue', data: queue(q) });
  for (let a = 0; a < agents; a++) {
    const agentId = `agent-${a}`;
    decide({
      type: 'SetAgentProfile',
      data: {
        agentId,
        skills: a % 2 === 0 ? { 'lang.cmn': 5, 'lang.yue': 3 } : { 'lang.cmn': 5 },
        queues: [0, 1, 2].map((k) => ({
          queueId: `q${(a + k) % QUEUES}`,
          tier: k === 0 ? 1 : 2,
          position: a,
          weight: 1,
        })),
        chatCapacity: 0,
      },
    });
    decide({ type: 'LogInAgent', data: { agentId } });
    decide({ type: 'MakeAgentReady', data: { agentId } });
  }
  let contact = 0;
  const arrive = (): number =>
    decide({
      type: 'QueueContact',
      data: {
        contactId: `c${contact}`,
        queueId: `q${contact++ % QUEUES}`,
        channel: 'voice',
        urgent: contact % 50 === 0,
        requiredSkills: [],
      },
    });
  // Every agent takes a contact, then the queues fill.
  for (let i = 0; i < agents * 1.2; i++) arrive();
  for (const agent of [...state.agents.values()]) {
    if (agent.offer)
      decide({ type: 'AcceptOffer', data: { agentId: agent.agentId, contactId: agent.offer } });
  }
  while ([...state.queues.values()].reduce((sum, q) => sum + q.waiting, 0) < waiting) arrive();

  const times: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < decisions; i++) {
    now += 50;
    const busy = state.agents.get(`agent-${(i * 7919) % agents}`)!;
    const held = busy.contacts[0];
    if (i % 3 === 0 && held) {
      times.push(decide({ type: 'EndContact', data: { agentId: busy.agentId, contactId: held.contactId } }));
      const offered = state.agents.get(busy.agentId)!.offer;
      if (offered)
        times.push(decide({ type: 'AcceptOffer', data: { agentId: busy.agentId, contactId: offered } }));
    } else {
      times.push(arrive());
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => a - b);
  return {
    name: `routing decisions (${agents} agents, ${waiting} waiting)`,
    unit: 'decision',
    ours: { ops: times.length, seconds },
    notes: `decide p50 ${percentile(times, 0.5).toFixed(3)} ms, p99 ${percentile(times, 0.99).toFixed(3)} ms, max ${times.at(-1)!.toFixed(3)} ms (goal p99 ≤ 1 ms)`,
  };
}

function simulatorAgainstErlangC(scale: number): BenchResult {
  const contacts = Math.max(20_000, Math.round(2_000_000 * scale));
  const input = { arrivalRate: 100 / 1800, averageHandleSeconds: 180, agents: 14 };
  const started = process.hrtime.bigint();
  const result = simulateQueue({
    agents: 14,
    arrivalsPerSecond: input.arrivalRate,
    averageHandleSeconds: 180,
    contacts,
    warmUpContacts: 1_000,
    seed: 7,
    queue: { serviceLevelSeconds: 20 },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sl = erlangCServiceLevel(input, 20);
  const asa = erlangCAverageSpeedOfAnswer(input);
  const error = (ours: number, theirs: number): string =>
    `${(((ours - theirs) / theirs) * 100).toFixed(2)} %`;
  return {
    name: `simulated contacts through the router (${contacts})`,
    unit: 'contact',
    ours: { ops: contacts, seconds },
    notes: `service level ${result.serviceLevel.toFixed(4)} vs Erlang C ${sl.toFixed(4)} (${error(result.serviceLevel, sl)}); ASA ${result.averageSpeedOfAnswer.toFixed(2)} s vs ${asa.toFixed(2)} s (${error(result.averageSpeedOfAnswer, asa)}); ${result.decisions} decisions`,
  };
}

export const run: Benchmark = async (context) => {
  // `ROUTING_BENCH_ONLY=instances`: only the two instances on NATS (the figure issue 13 measures).
  const onlyInstances = process.env.ROUTING_BENCH_ONLY === 'instances';
  const results = onlyInstances
    ? []
    : [decisionLatency(context.scale), simulatorAgainstErlangC(context.scale)];
  const throughNats = await twoInstancesOnNats(context);
  return throughNats === undefined ? results : [...results, throughNats];
};
