import type { RouterEvent } from '@hotline/contracts';
import { T0, ev, queueConfig, stateChange } from '../testing/router-fixtures';
import { AgentStatistics } from './agent-statistics';
import { QueueStatistics } from './queue-statistics';

const queued = (contactId: string, seconds: number): RouterEvent =>
  ev(
    'ContactQueued',
    { contactId, queueId: 'general', channel: 'voice', priority: 0, requiredSkills: [] },
    seconds,
  );

const history: RouterEvent[] = [
  ev('QueueDefined', { queue: queueConfig({ serviceLevelSeconds: 15, shortAbandonSeconds: 5 }) }),
  stateChange('a1', 'logged-out', 'ready', 0),
  queued('c1', 60),
  stateChange('a1', 'ready', 'reserved', 70),
  ev('OfferAccepted', { contactId: 'c1', queueId: 'general', agentId: 'a1', waitedSeconds: 10 }, 70),
  stateChange('a1', 'reserved', 'on-contact', 70),
  queued('c2', 80),
  ev('QueuedContactAbandoned', { contactId: 'c2', queueId: 'general', waitedSeconds: 3 }, 83),
  queued('c3', 90),
  ev('QueuedContactAbandoned', { contactId: 'c3', queueId: 'general', waitedSeconds: 40 }, 130),
  queued('c4', 100),
  ev(
    'ContactEnded',
    {
      contactId: 'c1',
      agentId: 'a1',
      queueId: 'general',
      channel: 'voice',
      talkSeconds: 100,
      holdSeconds: 20,
    },
    190,
  ),
  stateChange('a1', 'on-contact', 'after-contact-work', 190),
  ev('AfterContactWorkEnded', { agentId: 'a1', automatic: true }, 220),
  stateChange('a1', 'after-contact-work', 'ready', 220),
  ev('OfferAccepted', { contactId: 'c4', queueId: 'general', agentId: 'a1', waitedSeconds: 125 }, 225),
];

describe('queue statistics', () => {
  it('counts offered, answered, short and real abandons, service level, ASA, AHT and the longest wait', () => {
    const stats = new QueueStatistics(15);
    history.forEach((event) => stats.apply(event));
    const [interval] = stats.figures(T0, T0 + 3_600_000);
    expect(interval).toMatchObject({
      intervalStart: T0,
      offered: 4,
      answered: 2,
      answeredWithinThreshold: 1,
      shortAbandoned: 1,
      abandoned: 1,
      handled: 1,
      handleSeconds: 150, // talk 100 + hold 20 + after-contact work 30
      longestWaitSeconds: 125,
      serviceLevel: 0.5,
      answerRate: 2 / 3, // short abandons are left out of the offered
      abandonRate: 1 / 3,
      averageSpeedOfAnswer: 67.5,
      averageHandleTime: 150,
    });
  });

  it('gives the same figures when the events are replayed into a new fold', () => {
    const first = new QueueStatistics(30);
    const second = new QueueStatistics(30);
    history.forEach((event) => first.apply(event));
    history.forEach((event) => second.apply(event));
    expect(second.figures(0, Infinity)).toEqual(first.figures(0, Infinity));
  });
});

describe('agent statistics', () => {
  it('splits time in state at interval boundaries and computes occupancy', () => {
    const stats = new AgentStatistics(15);
    history.forEach((event) => stats.apply(event));
    const [interval] = stats.figures(T0, T0 + 3_600_000, T0 + 300_000, 'a1');
    // ready 0–70 and 220–300 (150 s), reserved none, on contact 70–190 (120 s), after-contact work 30 s.
    expect(interval).toMatchObject({
      answered: 2,
      seconds: { ready: 150, 'on-contact': 120, 'after-contact-work': 30 },
    });
    expect(interval!.occupancy).toBeCloseTo(150 / 300, 6);
  });
});
