import type { RouterEvent } from '@hotline/contracts';
import { mapsData, restoreMaps } from './fold-data';
import { intervalStart, type IntervalMinutes } from './interval';

/** The counters of one queue in one interval; every rate is derived from them (see the README). */
export interface QueueIntervalCounters {
  queueId: string;
  intervalStart: number;
  offered: number;
  answered: number;
  answeredWithinThreshold: number;
  abandoned: number;
  shortAbandoned: number;
  overflowed: number;
  waitSecondsAnswered: number;
  longestWaitSeconds: number;
  handled: number;
  handleSeconds: number;
}

export interface QueueIntervalFigures extends QueueIntervalCounters {
  /** Answered within the threshold ÷ answered (the national 15-second rate). */
  serviceLevel: number | undefined;
  /** Answered ÷ (offered − short abandons). */
  answerRate: number | undefined;
  abandonRate: number | undefined;
  averageSpeedOfAnswer: number | undefined;
  averageHandleTime: number | undefined;
}

interface Cohort {
  key: string;
  queuedAt: number;
}

const ratio = (part: number, whole: number): number | undefined => (whole > 0 ? part / whole : undefined);

/**
 * Queue statistics as a fold of router events. A contact counts in the interval in which it entered
 * the queue (its cohort), so each interval's outcomes add up to at most its offered contacts.
 * Replaying the same events gives the same figures.
 */
export class QueueStatistics {
  private readonly counters = new Map<string, QueueIntervalCounters>();
  private readonly thresholds = new Map<string, { serviceLevel: number; shortAbandon: number }>();
  private readonly cohorts = new Map<string, Cohort>();
  /** An agent's last ended contact, until its after-contact work ends: the work adds to its handle time. */
  private readonly wrapping = new Map<string, { key: string; endedAt: number }>();

  constructor(private readonly minutes: IntervalMinutes = 30) {}

  /** The fold as plain data (JSON), for the router's snapshot. */
  snapshot(): unknown {
    return mapsData(this.maps());
  }

  /** Goes on from a `snapshot()`, as the fold it was taken from. */
  restore(data: unknown): void {
    restoreMaps(this.maps(), data);
  }

  private maps(): Record<string, Map<string, unknown>> {
    const { counters, thresholds, cohorts, wrapping } = this;
    return { counters, thresholds, cohorts, wrapping };
  }

  apply(event: RouterEvent): void {
    const at = Date.parse(event.data.at);
    // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- other events change no queue figure
    switch (event.type) {
      case 'QueueDefined':
        this.thresholds.set(event.data.queue.queueId, {
          serviceLevel: event.data.queue.serviceLevelSeconds,
          shortAbandon: event.data.queue.shortAbandonSeconds,
        });
        return;
      case 'ContactQueued': {
        const start = intervalStart(at, this.minutes);
        const key = `${event.data.queueId}|${start}`;
        this.cohorts.set(event.data.contactId, { key, queuedAt: at });
        this.counter(key, event.data.queueId, start).offered++;
        return;
      }
      case 'OfferAccepted': {
        const cohort = this.cohorts.get(event.data.contactId);
        if (!cohort) return;
        const c = this.counters.get(cohort.key)!;
        const wait = event.data.waitedSeconds;
        c.answered++;
        if (wait <= (this.thresholds.get(c.queueId)?.serviceLevel ?? 15)) c.answeredWithinThreshold++;
        c.waitSecondsAnswered += wait;
        c.longestWaitSeconds = Math.max(c.longestWaitSeconds, wait);
        return;
      }
      case 'QueuedContactAbandoned': {
        const c = this.closeCohort(event.data.contactId);
        if (!c) return;
        const wait = event.data.waitedSeconds;
        if (wait < (this.thresholds.get(c.queueId)?.shortAbandon ?? 5)) c.shortAbandoned++;
        else c.abandoned++;
        c.longestWaitSeconds = Math.max(c.longestWaitSeconds, wait);
        return;
      }
      case 'ContactOverflowed': {
        const c = this.closeCohort(event.data.contactId);
        if (!c) return;
        c.overflowed++;
        c.longestWaitSeconds = Math.max(c.longestWaitSeconds, event.data.waitedSeconds);
        return;
      }
      case 'ContactEnded':
      case 'ContactTransferred': {
        const cohort = this.cohorts.get(event.data.contactId);
        const c = this.closeCohort(event.data.contactId);
        if (!c || !cohort) return;
        c.handled++;
        c.handleSeconds +=
          event.data.talkSeconds + ('holdSeconds' in event.data ? event.data.holdSeconds : 0);
        this.wrapping.set(event.data.agentId, { key: cohort.key, endedAt: at });
        return;
      }
      case 'AfterContactWorkEnded': {
        const wrap = this.wrapping.get(event.data.agentId);
        this.wrapping.delete(event.data.agentId);
        const c = wrap && this.counters.get(wrap.key);
        if (c) c.handleSeconds += (at - wrap.endedAt) / 1000;
        return;
      }
      default:
        return;
    }
  }

  /** Figures per queue and interval in [from, to), oldest first. */
  figures(from: number, to: number, queueId?: string): QueueIntervalFigures[] {
    return [...this.counters.values()]
      .filter((c) => c.intervalStart >= from && c.intervalStart < to && (!queueId || c.queueId === queueId))
      .sort((a, b) => a.intervalStart - b.intervalStart || a.queueId.localeCompare(b.queueId))
      .map(withRates);
  }

  /** The same figures summed over [from, to) for one queue. */
  total(from: number, to: number, queueId: string): QueueIntervalFigures {
    const sum = emptyCounters(queueId, from);
    for (const c of this.figures(from, to, queueId)) {
      for (const key of SUMMED) sum[key] += c[key];
      sum.longestWaitSeconds = Math.max(sum.longestWaitSeconds, c.longestWaitSeconds);
    }
    return withRates(sum);
  }

  private counter(key: string, queueId: string, start: number): QueueIntervalCounters {
    let c = this.counters.get(key);
    if (!c) {
      c = emptyCounters(queueId, start);
      this.counters.set(key, c);
    }
    return c;
  }

  /** The contact's cohort counters; its cohort ends (a later ContactQueued starts a new one). */
  private closeCohort(contactId: string): QueueIntervalCounters | undefined {
    const cohort = this.cohorts.get(contactId);
    this.cohorts.delete(contactId);
    return cohort && this.counters.get(cohort.key);
  }
}

const SUMMED = [
  'offered',
  'answered',
  'answeredWithinThreshold',
  'abandoned',
  'shortAbandoned',
  'overflowed',
  'waitSecondsAnswered',
  'handled',
  'handleSeconds',
] as const;

function emptyCounters(queueId: string, start: number): QueueIntervalCounters {
  return {
    queueId,
    intervalStart: start,
    offered: 0,
    answered: 0,
    answeredWithinThreshold: 0,
    abandoned: 0,
    shortAbandoned: 0,
    overflowed: 0,
    waitSecondsAnswered: 0,
    longestWaitSeconds: 0,
    handled: 0,
    handleSeconds: 0,
  };
}

function withRates(c: QueueIntervalCounters): QueueIntervalFigures {
  const counted = c.offered - c.shortAbandoned;
  return {
    ...c,
    serviceLevel: ratio(c.answeredWithinThreshold, c.answered),
    answerRate: ratio(c.answered, counted),
    abandonRate: ratio(c.abandoned, counted),
    averageSpeedOfAnswer: ratio(c.waitSecondsAnswered, c.answered),
    averageHandleTime: ratio(c.handleSeconds, c.handled),
  };
}
