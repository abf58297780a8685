import { deciderSpec } from '@hotline/infra/command/testing';
import {
  agentProfile,
  cmd,
  context,
  ev,
  queueConfig,
  readyAgents,
  stateChange,
  at,
} from '../testing/router-fixtures';
import { routerDecider } from './router.decider';

const spec = deciderSpec(routerDecider, () => context(10));
const queued = (contactId: string, seconds = 0, priority = 0) =>
  ev(
    'ContactQueued',
    { contactId, queueId: 'general', channel: 'voice', priority, requiredSkills: [] },
    seconds,
  );
const call = (contactId: string, extra: Partial<{ urgent: boolean; callerNumber: string }> = {}) =>
  cmd('QueueContact', {
    contactId,
    queueId: 'general',
    channel: 'voice',
    urgent: false,
    requiredSkills: [],
    ...extra,
  });
const offered = (contactId: string, agentIds: string[], seconds = 10, timeout = 20) =>
  ev(
    'ContactOffered',
    { contactId, queueId: 'general', agentIds, mode: 'inbound', expiresAt: at(seconds + timeout) },
    seconds,
  );

describe('router decider: queueing and offering', () => {
  it('offers a new contact to the agent idle the longest and reserves them', () => {
    spec
      .given([...readyAgents(['a1', 'a2']), ev('AgentWentReady', { agentId: 'a1' })])
      .when(call('c1'))
      .then([queued('c1', 10), offered('c1', ['a1']), stateChange('a1', 'ready', 'reserved', 10)]);
  });

  it('keeps the contact waiting when no agent is ready', () => {
    spec
      .given([
        ev('QueueDefined', { queue: queueConfig() }),
        ev('AgentProfileSet', { profile: agentProfile('a1') }),
      ])
      .when(call('c1'))
      .then([queued('c1', 10)]);
  });

  it('offers the waiting contact as soon as an agent becomes ready', () => {
    spec
      .given([
        ev('QueueDefined', { queue: queueConfig() }),
        ev('AgentProfileSet', { profile: agentProfile('a1') }),
        ev('AgentLoggedIn', { agentId: 'a1' }),
        queued('c1', 2),
      ])
      .when(cmd('MakeAgentReady', { agentId: 'a1' }))
      .then([
        ev('AgentWentReady', { agentId: 'a1' }, 10),
        stateChange('a1', 'not-ready', 'ready', 10),
        offered('c1', ['a1']),
        stateChange('a1', 'ready', 'reserved', 10),
      ]);
  });

  it('serves an urgent contact before one that waited longer', () => {
    spec
      .given([
        ev('QueueDefined', { queue: queueConfig() }),
        ev('AgentProfileSet', { profile: agentProfile('a1') }),
        ev('AgentLoggedIn', { agentId: 'a1' }),
        queued('c1', 1),
        queued('c2', 2, 2),
      ])
      .when(cmd('MakeAgentReady', { agentId: 'a1' }))
      .then([
        ev('AgentWentReady', { agentId: 'a1' }, 10),
        stateChange('a1', 'not-ready', 'ready', 10),
        offered('c2', ['a1']),
        stateChange('a1', 'ready', 'reserved', 10),
      ]);
  });

  it('raises the priority of a repeat caller within the window and of a listed caller', () => {
    spec
      .given([
        ev('QueueDefined', { queue: queueConfig() }),
        ev('ContactQueued', {
          contactId: 'c0',
          queueId: 'general',
          channel: 'voice',
          priority: 0,
          callerNumber: '13800000000',
          requiredSkills: [],
        }),
        ev('QueuedContactAbandoned', { contactId: 'c0', queueId: 'general', waitedSeconds: 3 }),
      ])
      .when(call('c1', { callerNumber: '13800000000', urgent: true }))
      .then([
        ev(
          'ContactQueued',
          {
            contactId: 'c1',
            queueId: 'general',
            channel: 'voice',
            priority: 3,
            callerNumber: '13800000000',
            requiredSkills: [],
          },
          10,
        ),
      ]);
  });

  it('offers a Cantonese caller only to an agent who speaks Cantonese', () => {
    spec
      .given([
        ...readyAgents(['a1']),
        ev('AgentProfileSet', { profile: agentProfile('a2', { skills: { 'lang.yue': 3 } }) }),
        ev('AgentLoggedIn', { agentId: 'a2' }),
        ev('AgentWentReady', { agentId: 'a2' }),
      ])
      .when(
        cmd('QueueContact', {
          contactId: 'c1',
          queueId: 'general',
          channel: 'voice',
          urgent: false,
          requiredSkills: [{ skillId: 'lang.yue', minLevel: 2 }],
        }),
      )
      .then([
        ev(
          'ContactQueued',
          {
            contactId: 'c1',
            queueId: 'general',
            channel: 'voice',
            priority: 0,
            requiredSkills: [{ skillId: 'lang.yue', minLevel: 2 }],
          },
          10,
        ),
        offered('c1', ['a2']),
        stateChange('a2', 'ready', 'reserved', 10),
      ]);
  });

  it('rings every eligible agent under ring-all and withdraws the others when one answers', () => {
    const given = [
      ...readyAgents(['a1', 'a2'], { strategy: 'ring-all' }),
      queued('c1', 5),
      offered('c1', ['a1', 'a2'], 5),
    ];
    spec
      .given(given)
      .when(cmd('AcceptOffer', { agentId: 'a2', contactId: 'c1' }))
      .then([
        ev('OfferAccepted', { contactId: 'c1', queueId: 'general', agentId: 'a2', waitedSeconds: 5 }, 10),
        stateChange('a2', 'reserved', 'on-contact', 10),
        ev('OfferWithdrawn', { contactId: 'c1', agentIds: ['a1'] }, 10),
        stateChange('a1', 'reserved', 'ready', 10),
      ]);
  });

  it('rejects an answer without an offer, naming the agent state', () => {
    spec
      .given(readyAgents(['a1']))
      .when(cmd('AcceptOffer', { agentId: 'a1', contactId: 'c9' }))
      .thenRejects('ROUTER_NO_OFFER', /ready/);
  });

  it('rejects an unknown queue and an unknown agent', () => {
    spec
      .given(readyAgents(['a1']))
      .when(
        call('c1') &&
          cmd('QueueContact', {
            contactId: 'c1',
            queueId: 'nope',
            channel: 'voice',
            urgent: false,
            requiredSkills: [],
          }),
      )
      .thenRejects('ROUTER_UNKNOWN_QUEUE', /queueId/);
    spec
      .given(readyAgents(['a1']))
      .when(cmd('LogInAgent', { agentId: 'ghost' }))
      .thenRejects('ROUTER_UNKNOWN_AGENT', /agentId/);
  });
});

describe('router decider: misses, after-contact work and overflow', () => {
  it('passes an unanswered offer to the next agent and makes the agent not ready after K misses', () => {
    spec
      .given([
        ...readyAgents(['a1', 'a2']),
        ev('RouterSettingsSet', {
          settings: {
            repeatCallerDays: 3,
            priorityCallers: [],
            maxMissedOffers: 1,
            declineDelaySeconds: 0,
            noAnswerDelaySeconds: 0,
            wrapUpDelaySeconds: 0,
            seed: 1,
          },
        }),
        ev('AgentWentReady', { agentId: 'a2' }, 1),
        queued('c1', 5),
        offered('c1', ['a1'], 5, 3),
      ])
      .when(cmd('RunRouterTimers', {}))
      .then([
        ev('OfferExpired', { contactId: 'c1', agentId: 'a1', missesInARow: 1 }, 10),
        stateChange('a1', 'reserved', 'ready', 10),
        ev('AgentWentNotReady', { agentId: 'a1', reason: 'missed-offers' }, 10),
        stateChange('a1', 'ready', 'not-ready', 10, 'missed-offers'),
        offered('c1', ['a2']),
        stateChange('a2', 'ready', 'reserved', 10),
      ]);
  });

  it('ends after-contact work by itself after N seconds', () => {
    spec
      .given([
        ...readyAgents(['a1'], { afterContactWorkSeconds: 5 }),
        queued('c1', 0),
        offered('c1', ['a1'], 0),
        ev('OfferAccepted', { contactId: 'c1', queueId: 'general', agentId: 'a1', waitedSeconds: 0 }, 1),
        ev(
          'ContactEnded',
          {
            contactId: 'c1',
            agentId: 'a1',
            queueId: 'general',
            channel: 'voice',
            talkSeconds: 3,
            holdSeconds: 0,
          },
          4,
        ),
      ])
      .when(cmd('RunRouterTimers', {}))
      .then([
        ev('AfterContactWorkEnded', { agentId: 'a1', automatic: true }, 10),
        stateChange('a1', 'after-contact-work', 'ready', 10),
      ]);
  });

  it('overflows a contact that waited longer than the maximum into the overflow queue', () => {
    spec
      .given([
        ev('QueueDefined', { queue: queueConfig({ queueId: 'backup' }) }),
        ev('QueueDefined', {
          queue: queueConfig({ maxWaitSeconds: 8, overflow: { kind: 'queue', queueId: 'backup' } }),
        }),
        queued('c1', 1),
        queued('c2', 5),
      ])
      .when(cmd('RunRouterTimers', {}))
      .then([
        ev(
          'ContactOverflowed',
          {
            contactId: 'c1',
            queueId: 'general',
            reason: 'max-wait',
            target: { kind: 'queue', queueId: 'backup' },
            waitedSeconds: 9,
          },
          10,
        ),
        ev(
          'ContactQueued',
          {
            contactId: 'c1',
            queueId: 'backup',
            channel: 'voice',
            priority: 0,
            requiredSkills: [],
            fromQueueId: 'general',
          },
          10,
        ),
      ]);
  });

  it('sends a caller to the mailbox at once when no agent is logged in and the queue refuses to wait empty', () => {
    spec
      .given([
        ev('QueueDefined', {
          queue: queueConfig({ noAgentMaxWaitSeconds: 0, overflow: { kind: 'mailbox', mailboxId: 'mayor' } }),
        }),
      ])
      .when(call('c1'))
      .then([
        queued('c1', 10),
        ev(
          'ContactOverflowed',
          {
            contactId: 'c1',
            queueId: 'general',
            reason: 'no-agent',
            target: { kind: 'mailbox', mailboxId: 'mayor' },
            waitedSeconds: 0,
          },
          10,
        ),
      ]);
  });

  it('refuses a contact when the queue is full and has no overflow', () => {
    spec
      .given([ev('QueueDefined', { queue: queueConfig({ maxLength: 1 }) }), queued('c1', 1)])
      .when(call('c2'))
      .thenRejects('ROUTER_QUEUE_FULL');
  });

  it('keeps a callback contact in its place and offers it as a callback', () => {
    spec
      .given([
        ev('QueueDefined', { queue: queueConfig() }),
        ev('AgentProfileSet', { profile: agentProfile('a1') }),
        ev('AgentLoggedIn', { agentId: 'a1' }),
        queued('c1', 1),
        queued('c2', 2),
        ev('CallbackRequested', { contactId: 'c1', queueId: 'general', callbackNumber: '13900000000' }, 3),
      ])
      .when(cmd('MakeAgentReady', { agentId: 'a1' }))
      .then([
        ev('AgentWentReady', { agentId: 'a1' }, 10),
        stateChange('a1', 'not-ready', 'ready', 10),
        ev(
          'ContactOffered',
          { contactId: 'c1', queueId: 'general', agentIds: ['a1'], mode: 'callback', expiresAt: at(30) },
          10,
        ),
        stateChange('a1', 'ready', 'reserved', 10),
      ]);
  });

  it('widens the pool to tier 2 once the contact waited long enough', () => {
    const tier2 = agentProfile('a2', { queues: [{ queueId: 'general', tier: 2, position: 0, weight: 1 }] });
    const given = [
      ev('QueueDefined', { queue: queueConfig({ tierRules: [{ tier: 2, afterSeconds: 8 }] }) }),
      ev('AgentProfileSet', { profile: tier2 }),
      ev('AgentLoggedIn', { agentId: 'a2' }),
      ev('AgentWentReady', { agentId: 'a2' }),
    ];
    spec
      .given([...given, queued('c1', 5)])
      .when(cmd('RunRouterTimers', {}))
      .then([]);
    spec
      .given([...given, queued('c1', 1)])
      .when(cmd('RunRouterTimers', {}))
      .then([offered('c1', ['a2']), stateChange('a2', 'ready', 'reserved', 10)]);
  });
});
