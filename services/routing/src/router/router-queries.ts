import {
  CN_PUBLIC_HOLIDAYS,
  DEFAULT_NOT_READY_REASONS,
  NotFoundError,
  type LocalDate,
} from '@hotline/contracts';
import { forecastArrivals, staffingPlan } from '../staffing/arrival-forecast';
import type { AgentStatistics } from '../statistics/agent-statistics';
import type { QueueStatistics } from '../statistics/queue-statistics';
import { activeBulletins } from './router-bulletins';
import type { RouterCommandHandler } from './router-command.handler';
import type { RouterState } from './router-state';

const HOUR_MS = 3_600_000;

/** The router's queries: live state from the caught-up router, figures from the statistics folds. */
export class RouterQueries {
  constructor(
    private readonly router: RouterCommandHandler,
    /** By 30-minute interval (wallboard, forecast) and by 15-minute interval. */
    private readonly queueStats: QueueStatistics,
    private readonly queueStats15: QueueStatistics,
    private readonly agentStats: AgentStatistics,
    private readonly agentStats15: AgentStatistics,
    private readonly settings: { now: () => Date; defaultHandleSeconds: number; patienceSeconds: number },
  ) {}

  /** The wallboard: queues (waiting, longest wait, agents by state, today's service level) and agents. */
  async queueBoard() {
    const state = await this.router.current();
    const now = this.settings.now().getTime();
    const dayStart = now - (now % (24 * HOUR_MS)) - 8 * HOUR_MS;
    const queues = [...state.queues.values()].map(({ config, waiting, loggedIn }) => {
      const oldest = [...state.queued(config.queueId)].reduce(
        (min, c) => Math.min(min, c.queuedAt),
        Infinity,
      );
      const today = this.queueStats.total(dayStart, now + 1, config.queueId);
      const recent = this.queueStats.total(now - HOUR_MS / 2, now + 1, config.queueId);
      return {
        queueId: config.queueId,
        name: config.name,
        waiting,
        loggedIn,
        longestWaitSeconds: oldest === Infinity ? 0 : Math.round((now - oldest) / 1000),
        /** When the longest waiting contact was queued: what a live board counts the wait from. */
        oldestQueuedAt: oldest === Infinity ? null : new Date(oldest).toISOString(),
        serviceLevelToday: today.serviceLevel ?? null,
        serviceLevelLast30Minutes: recent.serviceLevel ?? null,
        answeredToday: today.answered,
        abandonedToday: today.abandoned,
        /** The longest wait at which the board raises the queue's alarm (the queue's setting). */
        alarmWaitSeconds: config.alarmWaitSeconds ?? null,
        /** The skills the queue needs, shown by their catalogue names. */
        requiredSkills: config.requiredSkills,
      };
    });
    const agents = [...state.agents.values()].map((agent) => ({
      agentId: agent.agentId,
      state: agent.state,
      reason: agent.notReadyReason ?? null,
      secondsInState: Math.round((now - agent.stateSince) / 1000),
      since: new Date(agent.stateSince).toISOString(),
      queueIds: agent.profile.queues.map((m) => m.queueId),
      /** What a supervisor can monitor, whisper to or barge into. */
      contacts: agent.contacts.map((held) => ({
        contactId: held.contactId,
        channel: held.channel,
        supervisor: state.contacts.get(held.contactId)?.supervisor ?? null,
      })),
    }));
    // `at`: the time the seconds above were counted to.
    return { at: new Date(now).toISOString(), queues, agents, bulletins: activeBulletins(state, now) };
  }

  /** The settings as data, for the administrator's screen (queues and profiles sorted by id). */
  async routingSettings() {
    const state = await this.router.current();
    const byId =
      <T>(key: (item: T) => string) =>
      (a: T, b: T) =>
        key(a) < key(b) ? -1 : 1;
    return {
      queues: [...state.queues.values()].map((q) => q.config).sort(byId((q) => q.queueId)),
      agents: [...state.agents.values()].map((a) => a.profile).sort(byId((p) => p.agentId)),
      settings: state.settings,
    };
  }

  async agentSession(agentId: string) {
    const state = await this.router.current();
    const agent = state.agents.get(agentId);
    if (!agent) throw new NotFoundError('agent', agentId);
    const offer = agent.offer === undefined ? undefined : state.contacts.get(agent.offer);
    const now = this.settings.now().getTime();
    return {
      agentId,
      state: agent.state,
      reason: agent.notReadyReason ?? null,
      since: new Date(agent.stateSince).toISOString(),
      offer: offer
        ? {
            contactId: offer.contactId,
            queueId: offer.queueId,
            channel: offer.channel,
            mode: offer.callbackNumber ? 'callback' : 'inbound',
            // The screen pop: the caller's number (or the one to call back) for their history.
            callerNumber: offer.callbackNumber ?? offer.callerNumber ?? null,
            waitedSeconds: Math.round((now - offer.queuedAt) / 1000),
            /** The contact's own skills beyond the queue's (the dialect the caller chose in the IVR). */
            requiredSkills: offer.requiredSkills,
            expiresAt:
              offer.offerExpiresAt === undefined ? null : new Date(offer.offerExpiresAt).toISOString(),
          }
        : null,
      contacts: agent.contacts.map((held) => {
        const contact = state.contacts.get(held.contactId);
        const supervisor = contact?.supervisor;
        return {
          contactId: held.contactId,
          channel: held.channel,
          held: held.held,
          queueId: contact?.queueId ?? null,
          callerNumber: contact?.callbackNumber ?? contact?.callerNumber ?? null,
          answeredAt: contact?.answeredAt === undefined ? null : new Date(contact.answeredAt).toISOString(),
          consulting: contact?.consulting ?? null,
          parties: contact?.parties ?? [],
          // A silent monitor is not shown to the agent; a whisper or a barge is heard, so it is.
          supervisor: supervisor && supervisor.mode !== 'monitor' ? supervisor : null,
        };
      }),
      /** Another agent's contact this agent was brought into (consulted, or a three-way call). */
      engagedIn: agent.engagedIn ?? null,
      bulletins: activeBulletins(state, now),
      /** What the desk offers when going not ready: the city's reasons, or the default codes. */
      notReadyReasons: state.settings.notReadyReasons ?? [...DEFAULT_NOT_READY_REASONS],
      /** The queues by name, for the desk's transfer (and the offer's queue name). */
      queues: [...state.queues.values()].map(({ config }) => ({
        queueId: config.queueId,
        name: config.name,
      })),
      afterContactWorkUntil: agent.acwUntil === undefined ? null : new Date(agent.acwUntil).toISOString(),
    };
  }

  /** Position (1 = next) and expected wait: contacts ahead × recent handle time ÷ agents logged in. */
  async contactPlace(contactId: string) {
    const state = await this.router.current();
    const contact = state.contacts.get(contactId);
    if (!contact) throw new NotFoundError('contact in the router', contactId);
    // A web chat's page asks the same question all along: answered, it has no place any more.
    if (contact.status === 'connected') {
      // The agent is for the platform (the gateway ends a chat the citizen leaves), never shown to the citizen.
      return { contactId, queueId: contact.queueId, status: 'connected', agentId: contact.agentId };
    }
    const position = placeIn(state, contact.queueId, contactId);
    const now = this.settings.now().getTime();
    const aht =
      this.queueStats.total(now - HOUR_MS, now + 1, contact.queueId).averageHandleTime ??
      this.settings.defaultHandleSeconds;
    const loggedIn = Math.max(1, state.queues.get(contact.queueId)?.loggedIn ?? 1);
    return {
      contactId,
      queueId: contact.queueId,
      status: 'waiting',
      position,
      expectedWaitSeconds: Math.round((position * aht) / loggedIn),
    };
  }

  queueStatistics(query: {
    from: string;
    to: string;
    intervalMinutes: 15 | 30;
    queueId?: string | undefined;
  }) {
    return (query.intervalMinutes === 15 ? this.queueStats15 : this.queueStats)
      .figures(Date.parse(query.from), Date.parse(query.to), query.queueId)
      .map((figures) => ({ ...figures, intervalStart: new Date(figures.intervalStart).toISOString() }));
  }

  agentStatistics(query: {
    from: string;
    to: string;
    intervalMinutes: 15 | 30;
    agentId?: string | undefined;
  }) {
    return (query.intervalMinutes === 15 ? this.agentStats15 : this.agentStats)
      .figures(Date.parse(query.from), Date.parse(query.to), this.settings.now().getTime(), query.agentId)
      .map((figures) => ({ ...figures, intervalStart: new Date(figures.intervalStart).toISOString() }));
  }

  forecastStaffing(query: {
    queueId: string;
    date: LocalDate;
    serviceLevelTarget: number;
    serviceLevelSeconds: number;
  }) {
    const now = this.settings.now().getTime();
    const history = this.queueStats
      .figures(now - 8 * 7 * 24 * HOUR_MS, now, query.queueId)
      .map(({ intervalStart, offered }) => ({ intervalStart, offered }));
    const aht =
      this.queueStats.total(now - 7 * 24 * HOUR_MS, now, query.queueId).averageHandleTime ??
      this.settings.defaultHandleSeconds;
    const arrivals = forecastArrivals(history, query.date, CN_PUBLIC_HOLIDAYS);
    return {
      queueId: query.queueId,
      date: query.date,
      averageHandleSeconds: aht,
      intervals: staffingPlan(arrivals, {
        averageHandleSeconds: aht,
        averagePatienceSeconds: this.settings.patienceSeconds,
        serviceLevel: query.serviceLevelTarget,
        thresholdSeconds: query.serviceLevelSeconds,
      }),
    };
  }
}

function placeIn(state: RouterState, queueId: string, contactId: string): number {
  let position = 0;
  for (const queued of state.queued(queueId)) {
    position++;
    if (queued.contactId === contactId) return position;
  }
  return position;
}
