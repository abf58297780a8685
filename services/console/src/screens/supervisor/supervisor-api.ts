import { apiGet, apiPost, newCommandId } from '../../api/http';

export interface BoardQueue {
  queueId: string;
  name: string;
  waiting: number;
  loggedIn: number;
  longestWaitSeconds: number;
  serviceLevelToday: number | null;
  serviceLevelLast30Minutes: number | null;
  answeredToday: number;
  abandonedToday: number;
}

export interface BoardAgent {
  agentId: string;
  state: 'logged-out' | 'ready' | 'not-ready' | 'reserved' | 'on-contact' | 'held' | 'after-contact-work';
  reason: string | null;
  secondsInState: number;
}

export interface QueueBoard {
  queues: BoardQueue[];
  agents: BoardAgent[];
}

/** The wallboard (GET /api/routing/board) and the supervisor's forced states. */
export const supervisorApi = {
  board: () => apiGet<QueueBoard>('/api/routing/board'),
  forceNotReady: (agentId: string, reason: string) =>
    apiPost(`/api/routing/agents/${encodeURIComponent(agentId)}/not-ready`, {
      commandId: newCommandId(),
      reason,
    }),
  forceLogOut: (agentId: string) =>
    apiPost(`/api/routing/agents/${encodeURIComponent(agentId)}/log-out`, { commandId: newCommandId() }),
};

/** What the board shows for an agent: the account name, not the actor id. */
export const agentName = (agentId: string): string => agentId.replace(/^user:/, '');
