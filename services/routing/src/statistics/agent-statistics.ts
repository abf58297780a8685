import type { AgentState, RouterEvent } from '@hotline/contracts';
import { mapsData, restoreMaps } from './fold-data';
import { intervalStart, type IntervalMinutes } from './interval';

export interface AgentIntervalFigures {
  agentId: string;
  intervalStart: number;
  /** Seconds in each state within the interval. */
  seconds: Partial<Record<AgentState, number>>;
  answered: number;
  /** (on contact + held + after-contact work) ÷ (those + ready + reserved). */
  occupancy: number | undefined;
}

const BUSY: AgentState[] = ['on-contact', 'held', 'after-contact-work'];
const AVAILABLE: AgentState[] = ['ready', 'reserved'];

/** Agent statistics as a fold of router events: time in state split at interval boundaries. */
export class AgentStatistics {
  private readonly intervals = new Map<string, AgentIntervalFigures>();
  private readonly current = new Map<string, { state: AgentState; since: number }>();

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
    const { intervals, current } = this;
    return { intervals, current };
  }

  apply(event: RouterEvent): void {
    const at = Date.parse(event.data.at);
    if (event.type === 'AgentStateChanged') {
      const previous = this.current.get(event.data.agentId);
      if (previous) this.accrue(event.data.agentId, previous.state, previous.since, at);
      this.current.set(event.data.agentId, { state: event.data.to, since: at });
    } else if (event.type === 'OfferAccepted') {
      this.interval(event.data.agentId, intervalStart(at, this.minutes)).answered++;
    }
  }

  /** Figures in [from, to); the states still open are counted up to `asOf`. */
  figures(from: number, to: number, asOf: number, agentId?: string): AgentIntervalFigures[] {
    const open = new AgentStatistics(this.minutes);
    for (const [key, figures] of this.intervals)
      open.intervals.set(key, { ...figures, seconds: { ...figures.seconds } });
    for (const [id, { state, since }] of this.current) if (since < asOf) open.accrue(id, state, since, asOf);
    return [...open.intervals.values()]
      .filter((f) => f.intervalStart >= from && f.intervalStart < to && (!agentId || f.agentId === agentId))
      .sort((a, b) => a.intervalStart - b.intervalStart || a.agentId.localeCompare(b.agentId))
      .map((f) => {
        const busy = BUSY.reduce((sum, s) => sum + (f.seconds[s] ?? 0), 0);
        const available = AVAILABLE.reduce((sum, s) => sum + (f.seconds[s] ?? 0), 0);
        return { ...f, occupancy: busy + available > 0 ? busy / (busy + available) : undefined };
      });
  }

  private accrue(agentId: string, state: AgentState, from: number, to: number): void {
    const step = this.minutes * 60_000;
    for (let start = intervalStart(from, this.minutes); start < to; start += step) {
      const seconds = (Math.min(to, start + step) - Math.max(from, start)) / 1000;
      if (seconds <= 0) continue;
      const figures = this.interval(agentId, start);
      figures.seconds[state] = (figures.seconds[state] ?? 0) + seconds;
    }
  }

  private interval(agentId: string, start: number): AgentIntervalFigures {
    const key = `${agentId}|${start}`;
    let figures = this.intervals.get(key);
    if (!figures) {
      figures = { agentId, intervalStart: start, seconds: {}, answered: 0, occupancy: undefined };
      this.intervals.set(key, figures);
    }
    return figures;
  }
}
