import { systemActor, type QueueConfig, type RouterCommand, type RouterEvent } from '@hotline/contracts';
import { routerDecider } from '../router/router.decider';
import { seededUnit } from '../router/router-strategies';
import { QueueStatistics } from '../statistics/queue-statistics';

export interface SimulationInput {
  agents: number;
  arrivalsPerSecond: number;
  averageHandleSeconds: number;
  /** Exponential patience; without it callers wait forever (Erlang C). */
  averagePatienceSeconds?: number;
  contacts: number;
  /** Contacts at the start left out of the figures, while the queue fills to its steady state. */
  warmUpContacts: number;
  seed: number;
  queue?: Partial<QueueConfig>;
}

export interface SimulationResult {
  offered: number;
  answered: number;
  abandoned: number;
  serviceLevel: number;
  averageSpeedOfAnswer: number;
  /** Per 30-minute interval: the batches for a confidence interval of the estimates. */
  intervals: Array<{ answered: number; answeredWithinThreshold: number; waitSecondsAnswered: number }>;
  decisions: number;
}

/** A binary heap of timed steps, earliest first; ties in insertion order, so a run is reproducible. */
class Agenda {
  private readonly heap: Array<{ at: number; order: number; run: () => void }> = [];
  private order = 0;

  push(at: number, run: () => void): void {
    const heap = this.heap;
    heap.push({ at, order: this.order++, run });
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  pop(): { at: number; run: () => void } | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && this.before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && this.before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }

  private before(a: { at: number; order: number }, b: { at: number; order: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.order < b.order);
  }
}

const T0 = Date.parse('2026-01-05T00:00:00.000Z');

/**
 * A seeded discrete-event simulation that replays Poisson arrivals with exponential handle times
 * (and patience) through the real router: every arrival, answer, hang-up and end is a command
 * decided by `routerDecider`, and the figures come from the same QueueStatistics fold as the
 * service's read model. Agents answer an offer at once.
 */
export function simulateQueue(input: SimulationInput): SimulationResult {
  const draw = (key: string, mean: number): number => -Math.log(1 - seededUnit(input.seed, key)) * mean;
  const agenda = new Agenda();
  const stats = new QueueStatistics(30);
  let state = routerDecider.initialState();
  let decisions = 0;
  let warmUpEnds = Infinity;

  const run = (at: number, command: RouterCommand): RouterEvent[] => {
    decisions++;
    const events = routerDecider.decide(command, state, {
      now: new Date(at),
      actor: systemActor('simulator'),
      districtId: 'city',
      commandId: `sim-${decisions}`,
    });
    for (const event of events) {
      state = routerDecider.evolve(state, event);
      if (Date.parse(event.data.at) >= warmUpEnds || event.type === 'QueueDefined') stats.apply(event);
      react(at, event);
    }
    return events;
  };

  const react = (at: number, event: RouterEvent): void => {
    if (event.type === 'ContactOffered') {
      const [agentId] = event.data.agentIds;
      const contactId = event.data.contactId;
      agenda.push(at, () => run(at, { type: 'AcceptOffer', data: { agentId: agentId!, contactId } }));
    } else if (event.type === 'OfferAccepted') {
      const { agentId, contactId } = event.data;
      const end = at + draw(`handle:${contactId}`, input.averageHandleSeconds) * 1000;
      agenda.push(end, () => run(end, { type: 'EndContact', data: { agentId, contactId } }));
    }
  };

  const queue: QueueConfig = {
    queueId: 'sim',
    name: 'simulation',
    requiredSkills: [],
    strategy: 'longest-idle',
    offerTimeoutSeconds: 86_400,
    afterContactWorkSeconds: 0,
    tierRules: [],
    urgentPriority: 0,
    repeatCallerPriority: 0,
    serviceLevelSeconds: 15,
    shortAbandonSeconds: 0,
    ...input.queue,
  };
  run(T0, { type: 'DefineQueue', data: queue });
  for (let i = 0; i < input.agents; i++) {
    const agentId = `agent-${i}`;
    run(T0, {
      type: 'SetAgentProfile',
      data: {
        agentId,
        skills: {},
        queues: [{ queueId: 'sim', tier: 1, position: i, weight: 1 }],
        chatCapacity: 0,
      },
    });
    run(T0, { type: 'LogInAgent', data: { agentId } });
    run(T0, { type: 'MakeAgentReady', data: { agentId } });
  }

  let arrival = T0;
  for (let i = 0; i < input.contacts; i++) {
    arrival += draw(`arrival:${i}`, 1 / input.arrivalsPerSecond) * 1000;
    const at = arrival;
    const contactId = `c${i}`;
    if (i === input.warmUpContacts) warmUpEnds = at;
    agenda.push(at, () =>
      run(at, {
        type: 'QueueContact',
        data: { contactId, queueId: 'sim', channel: 'voice', urgent: false, requiredSkills: [] },
      }),
    );
    if (input.averagePatienceSeconds !== undefined) {
      const leave = at + draw(`patience:${i}`, input.averagePatienceSeconds) * 1000;
      agenda.push(leave, () => {
        const contact = state.contacts.get(contactId);
        if (contact && contact.status !== 'connected')
          run(leave, { type: 'AbandonQueuedContact', data: { contactId } });
      });
    }
  }
  for (let step = agenda.pop(); step; step = agenda.pop()) step.run();

  const total = stats.total(0, Number.MAX_SAFE_INTEGER, 'sim');
  return {
    offered: total.offered,
    answered: total.answered,
    abandoned: total.abandoned,
    serviceLevel: total.serviceLevel ?? 0,
    averageSpeedOfAnswer: total.averageSpeedOfAnswer ?? 0,
    intervals: stats
      .figures(0, Number.MAX_SAFE_INTEGER, 'sim')
      .map(({ answered, answeredWithinThreshold, waitSecondsAnswered }) => ({
        answered,
        answeredWithinThreshold,
        waitSecondsAnswered,
      })),
    decisions,
  };
}
