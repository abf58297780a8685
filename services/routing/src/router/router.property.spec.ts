import fc from 'fast-check';
import {
  HotlineError,
  platformRegistry,
  type RouterCommand,
  type RouterEvent,
  type RoutingStrategy,
} from '@hotline/contracts';
import { agentProfile, cmd, context, queueConfig } from '../testing/router-fixtures';
import { EventModel } from '../testing/router-invariants';
import { restoreState, stateData, type RouterStateData } from '../snapshot/router-state-data';
import { snapshotOf } from '../testing/router-snapshot';
import { routerDecider } from './router.decider';
import { isEligible } from './router-matching';
import type { RouterState } from './router-state';

const registry = platformRegistry();
const AGENTS = ['a1', 'a2', 'a3', 'a4', 'a5'];
const CONTACTS = Array.from({ length: 12 }, (_, i) => `c${i + 1}`);
const QUEUES = ['general', 'dialect', 'chat'];
const STRATEGIES: RoutingStrategy[] = [
  'longest-idle',
  'fewest-contacts',
  'least-talk-time',
  'round-robin',
  'ring-all',
  'top-down',
  'weighted-random',
];

function setup(strategy: RoutingStrategy): RouterCommand[] {
  return [
    cmd(
      'DefineQueue',
      queueConfig({
        queueId: 'chat',
        strategy: 'round-robin',
        offerTimeoutSeconds: 8,
        noAgentMaxWaitSeconds: 5,
        overflow: { kind: 'mailbox', mailboxId: 'web' },
      }),
    ),
    cmd(
      'DefineQueue',
      queueConfig({
        queueId: 'dialect',
        strategy: 'ring-all',
        requiredSkills: [{ skillId: 'lang.yue', minLevel: 2 }],
      }),
    ),
    cmd(
      'DefineQueue',
      queueConfig({
        strategy,
        afterContactWorkSeconds: 3,
        tierRules: [{ tier: 2, afterSeconds: 10 }],
        maxWaitSeconds: 20,
        overflow: { kind: 'queue', queueId: 'dialect' },
        maxLength: 4,
      }),
    ),
    cmd('SetRouterSettings', {
      repeatCallerDays: 1,
      priorityCallers: [{ number: '13800000005', priority: 4 }],
      maxMissedOffers: 2,
      declineDelaySeconds: 2,
      noAnswerDelaySeconds: 3,
      wrapUpDelaySeconds: 1,
      seed: 7,
    }),
    ...AGENTS.map((agentId, i) =>
      cmd(
        'SetAgentProfile',
        agentProfile(agentId, {
          skills: i % 2 === 0 ? { 'lang.cmn': 5, 'lang.yue': 3 } : { 'lang.cmn': 5 },
          queues: [
            { queueId: 'general', tier: i < 3 ? 1 : 2, position: 5 - i, weight: i + 1 },
            ...(i % 2 === 0 ? [{ queueId: 'dialect', tier: 1, position: i, weight: 1 }] : []),
            ...(i >= 2 ? [{ queueId: 'chat', tier: 1, position: i, weight: 1 }] : []),
          ],
          chatCapacity: i >= 2 ? 2 : 0,
        }),
      ),
    ),
    ...AGENTS.slice(0, 3).flatMap((id) => [
      cmd('LogInAgent', { agentId: id }),
      cmd('MakeAgentReady', { agentId: id }),
    ]),
  ];
}

const pick = <T>(items: readonly T[]) => fc.integer({ min: 0, max: items.length - 1 }).map((i) => items[i]!);
const agentId = pick(AGENTS);
const contactId = pick(CONTACTS);
/** Acting on what the agent actually holds, so that answers, holds and ends happen often. */
const ownAction = fc
  .record({
    agentId,
    n: fc.nat(4),
    act: fc.constantFrom<OwnAction['own']>(
      'accept',
      'accept',
      'accept',
      'decline',
      'end',
      'hold',
      'hold',
      'resume',
      'transfer',
      'wrap',
      'callback',
      'consult',
      'consult',
      'end-consult',
      'end-consult',
      'conference',
      'transfer-agent',
    ),
  })
  .map((d): OwnAction => ({ own: d.act, agentId: d.agentId, n: d.n }));

const step = fc.record({
  seconds: fc.integer({ min: 0, max: 12 }),
  own: ownAction,
  command: fc.oneof(
    fc.record({ agentId }).map((d) => cmd('LogInAgent', d)),
    fc.record({ agentId }).map((d) => cmd('LogOutAgent', d)),
    fc.record({ agentId }).map((d) => cmd('MakeAgentReady', d)),
    fc.record({ agentId }).map((d) => cmd('MakeAgentReady', d)),
    fc
      .record({ agentId, reason: fc.constantFrom('break', 'training') })
      .map((d) => cmd('MakeAgentNotReady', d)),
    fc
      .record({
        contactId,
        queueId: pick(QUEUES),
        urgent: fc.boolean(),
        caller: fc.integer({ min: 0, max: 6 }),
        yue: fc.boolean(),
      })
      .map((d) =>
        cmd('QueueContact', {
          contactId: d.contactId,
          queueId: d.queueId,
          channel: d.queueId === 'chat' ? 'chat' : 'voice',
          urgent: d.urgent,
          callerNumber: `1380000000${d.caller}`,
          requiredSkills: d.yue ? [{ skillId: 'lang.yue', minLevel: 1 }] : [],
        }),
      ),
    fc.record({ contactId }).map((d) => cmd('AbandonQueuedContact', d)),
    fc.record({ contactId }).map((d) => cmd('RequestCallback', { ...d, callbackNumber: '13900000000' })),
    fc.record({ agentId, contactId }).map((d) => cmd('AcceptOffer', d)),
    fc.record({ agentId, contactId }).map((d) => cmd('DeclineOffer', d)),
    fc.record({ agentId, contactId }).map((d) => cmd('HoldContact', d)),
    fc.record({ agentId, contactId }).map((d) => cmd('ResumeContact', d)),
    fc.record({ agentId, contactId, queueId: pick(QUEUES) }).map((d) =>
      cmd('TransferContact', {
        agentId: d.agentId,
        contactId: d.contactId,
        target: { kind: 'queue', queueId: d.queueId },
      }),
    ),
    fc.record({ agentId, contactId }).map((d) => cmd('EndContact', d)),
    fc.record({ agentId, contactId }).map((d) => cmd('EndContact', d)),
    fc.record({ agentId }).map((d) => cmd('EndAfterContactWork', d)),
    fc.constant(cmd('RunRouterTimers', {})),
  ),
});

type Step = { seconds: number; command: RouterCommand | OwnAction };

interface OwnAction {
  own:
    | 'accept'
    | 'decline'
    | 'end'
    | 'hold'
    | 'resume'
    | 'transfer'
    | 'wrap'
    | 'callback'
    | 'consult'
    | 'end-consult'
    | 'conference'
    | 'transfer-agent';
  agentId: string;
  n: number;
}

function resolve(step: RouterCommand | OwnAction, state: RouterState): RouterCommand {
  if (!('own' in step)) return step;
  if (step.own === 'callback') {
    const waiting = [...state.contacts.values()]
      .filter((c) => c.status === 'waiting')
      .sort((a, b) => (a.contactId < b.contactId ? -1 : 1));
    const contactId = waiting[step.n % Math.max(1, waiting.length)]?.contactId ?? 'none';
    return cmd('RequestCallback', { contactId, callbackNumber: '13900000000' });
  }
  // The n-th agent (by id) who has something to act on, or the named one.
  const busy = [...state.agents.values()]
    .filter((a) =>
      step.own === 'accept' || step.own === 'decline'
        ? a.offer !== undefined
        : step.own === 'wrap'
          ? a.acwUntil !== undefined
          : step.own === 'end-consult'
            ? a.contacts.some((held) => state.contacts.get(held.contactId)?.consulting !== undefined)
            : a.contacts.length > 0,
    )
    .sort((a, b) => (a.agentId < b.agentId ? -1 : 1));
  const agent = busy[step.n % Math.max(1, busy.length)] ?? state.agents.get(step.agentId);
  const contactId =
    (step.own === 'accept' || step.own === 'decline' ? agent?.offer : agent?.contacts[0]?.contactId) ??
    'none';
  const agentId = agent?.agentId ?? step.agentId;
  // Another agent (or, one time in five, a unit's number) to consult, conference or transfer to.
  const other = AGENTS[(AGENTS.indexOf(agentId) + 1 + step.n) % AGENTS.length]!;
  const party =
    step.n === 4
      ? ({ kind: 'number', number: '05718888000' } as const)
      : ({ kind: 'agent', agentId: other } as const);
  switch (step.own) {
    case 'consult':
      return cmd('ConsultParty', { agentId, contactId, party });
    case 'end-consult':
      return cmd('EndConsultation', {
        agentId,
        contactId:
          agent?.contacts.find((held) => state.contacts.get(held.contactId)?.consulting)?.contactId ?? 'none',
        outcome: (['return', 'conference', 'transfer'] as const)[step.n % 3]!,
      });
    case 'conference':
      return cmd('AddConferenceParty', { agentId, contactId, party });
    case 'transfer-agent':
      return cmd('TransferContact', { agentId, contactId, target: { kind: 'agent', agentId: other } });
    case 'accept':
      return cmd('AcceptOffer', { agentId, contactId });
    case 'decline':
      return cmd('DeclineOffer', { agentId, contactId });
    case 'end':
      return cmd('EndContact', { agentId, contactId });
    case 'wrap':
      return cmd('EndAfterContactWork', { agentId });
    case 'hold':
      return cmd('HoldContact', { agentId, contactId });
    case 'resume':
      return cmd('ResumeContact', { agentId, contactId });
    case 'transfer':
      return cmd('TransferContact', { agentId, contactId, target: { kind: 'queue', queueId: 'chat' } });
  }
}

function waitingWithEligibleAgent(state: RouterState, now: number): string[] {
  const found: string[] = [];
  for (const contact of state.contacts.values()) {
    if (contact.status !== 'waiting') continue;
    const queue = state.queues.get(contact.queueId)!.config;
    for (const agent of state.agents.values()) {
      if (isEligible(agent, queue, contact, now))
        found.push(`${contact.contactId} waits while ${agent.agentId} is eligible`);
    }
  }
  return found;
}

function play(
  strategy: RoutingStrategy,
  generated: Array<{ seconds: number; command: RouterCommand; own: OwnAction }>,
) {
  // Each generated step is a random command, then an action on what some agent holds.
  const steps = generated.flatMap(({ seconds, command, own }): Step[] => [
    { seconds, command },
    { seconds: 0, command: own },
  ]);
  let live = routerDecider.initialState();
  let seconds = 0;
  const stored: RouterEvent[] = [];
  const model = new EventModel();
  const broken: string[] = [];
  const types = new Set<string>();
  const all = [...setup(strategy).map((command): Step => ({ seconds: 0, command })), ...steps];
  for (const { seconds: delay, command: step } of all) {
    seconds += delay;
    const command = resolve(step, live);
    const ctx = context(seconds);
    const before = snapshotOf(live);
    let events: RouterEvent[];
    try {
      events = routerDecider.decide(command, live, ctx);
    } catch (error) {
      if (error instanceof HotlineError && error.kind === 'rule') {
        expect(snapshotOf(live)).toEqual(before);
        continue;
      }
      throw error;
    }
    expect(snapshotOf(live)).toEqual(before);
    expect(routerDecider.decide(command, live, ctx)).toEqual(events);
    for (const event of events) {
      types.add(event.type);
      const data = registry.readEventData(event.type, 1, JSON.parse(JSON.stringify(event.data)));
      stored.push({ type: event.type, data } as RouterEvent);
      live = routerDecider.evolve(live, event);
      model.apply(event, (id) => live.agents.get(id)?.profile.chatCapacity ?? 0);
    }
    broken.push(...model.broken.splice(0).map((b) => `${b} (after ${command.type})`));
    for (const agent of live.agents.values()) {
      for (const held of agent.contacts) {
        const contact = live.contacts.get(held.contactId);
        if (contact?.agentId !== agent.agentId || contact.status !== 'connected') {
          broken.push(
            `${agent.agentId} holds ${held.contactId} which is ${contact?.status ?? 'gone'} (after ${command.type})`,
          );
        }
      }
    }
    broken.push(
      ...waitingWithEligibleAgent(live, ctx.now.getTime()).map((b) => `${b} (after ${command.type})`),
    );
  }
  return { live, stored, broken, types };
}

describe('router decider properties', () => {
  const seen = new Set<string>();

  it.each(STRATEGIES)(
    'with %s: no agent holds two offers, no contact is with two agents, none waits while an eligible agent is ready; a replay rebuilds the state',
    (strategy) => {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 30, size: 'max' }), (steps) => {
          const run = play(strategy, steps);
          run.types.forEach((t) => seen.add(t));
          expect(run.broken).toEqual([]);
          const replayed = run.stored.reduce(routerDecider.evolve, routerDecider.initialState());
          expect(snapshotOf(replayed)).toEqual(snapshotOf(run.live));
          // A start from a snapshot (through JSON) taken anywhere, plus the events after it.
          for (const cut of [Math.floor(run.stored.length / 3), Math.floor((2 * run.stored.length) / 3)]) {
            const taken = run.stored.slice(0, cut).reduce(routerDecider.evolve, routerDecider.initialState());
            const data = JSON.parse(JSON.stringify(stateData(taken))) as RouterStateData;
            const resumed = run.stored.slice(cut).reduce(routerDecider.evolve, restoreState(data));
            expect(snapshotOf(resumed)).toEqual(snapshotOf(run.live));
            expect(resumed.entryCount).toBe(run.live.entryCount);
          }
        }),
        { numRuns: 30, seed: 20261207 },
      );
    },
  );

  it('reached the router event types in those runs', () => {
    const expected = [
      'ContactOffered',
      'OfferAccepted',
      'OfferDeclined',
      'OfferExpired',
      'OfferWithdrawn',
      'ContactEnded',
      'ContactTransferred',
      'ContactOverflowed',
      'AfterContactWorkEnded',
      'CallbackRequested',
      'QueuedContactAbandoned',
      'ContactHeld',
      'AgentStateChanged',
      'ConsultationStarted',
      'ConsultationEnded',
      'ConferencePartyJoined',
      'ConferencePartyLeft',
    ];
    expect(expected.filter((t) => !seen.has(t))).toEqual([]);
  });
});
