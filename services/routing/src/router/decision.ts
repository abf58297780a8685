import type { RouterEvent } from '@hotline/contracts';
import { evolve } from './router.evolve';
import type { RouterState } from './router-state';

type EventData<T extends RouterEvent['type']> = Omit<Extract<RouterEvent, { type: T }>['data'], 'at'>;

/**
 * One decision in progress: events are applied to the state as they are emitted (inside the
 * state's trial), so later steps of the same decision see them. Each change of an agent's visible
 * state adds an AgentStateChanged right after the event that caused it.
 */
export class Decision {
  readonly events: RouterEvent[] = [];
  readonly at: string;

  constructor(
    readonly state: RouterState,
    readonly now: number,
  ) {
    this.at = new Date(now).toISOString();
  }

  emit<T extends RouterEvent['type']>(type: T, data: EventData<T>): void {
    const event = { type, data: { ...data, at: this.at } } as unknown as RouterEvent;
    const touched = this.agentsTouchedBy(event);
    const before = touched.map((id) => this.state.agents.get(id)?.state);
    this.events.push(event);
    evolve(this.state, event);
    touched.forEach((agentId, i) => {
      const agent = this.state.agents.get(agentId);
      if (!agent || before[i] === undefined || agent.state === before[i]) return;
      const changed: RouterEvent = {
        type: 'AgentStateChanged',
        data: {
          agentId,
          from: before[i],
          to: agent.state,
          ...(agent.state === 'not-ready' && agent.notReadyReason ? { reason: agent.notReadyReason } : {}),
          at: this.at,
        },
      };
      this.events.push(changed);
    });
  }

  private agentsTouchedBy(event: RouterEvent): string[] {
    const data = event.data as {
      agentId?: string;
      agentIds?: string[];
      profile?: { agentId: string };
      party?: { kind: string; agentId?: string };
    };
    const ids = new Set<string>();
    if (data.agentId) ids.add(data.agentId);
    if (data.party?.agentId) ids.add(data.party.agentId);
    for (const id of data.agentIds ?? []) ids.add(id);
    if (data.profile) ids.add(data.profile.agentId);
    return [...ids];
  }

  waitedSeconds(queuedAt: number): number {
    return Math.max(0, (this.now - queuedAt) / 1000);
  }
}
