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
  /** The longest wait at which the queue's alarm goes up (a routing setting); null: none. */
  alarmWaitSeconds: number | null;
  /** When the longest waiting contact was queued; null: none waits. */
  oldestQueuedAt?: string | null;
  /** The skills the queue needs, shown by their catalogue names. */
  requiredSkills?: { skillId: string; minLevel: number }[];
}

export interface BoardAgent {
  agentId: string;
  state: 'logged-out' | 'ready' | 'not-ready' | 'reserved' | 'on-contact' | 'held' | 'after-contact-work';
  reason: string | null;
  secondsInState: number;
  /** When the agent entered the state. */
  since?: string;
  contacts: {
    contactId: string;
    channel: 'voice' | 'chat';
    supervisor: { supervisorId: string; mode: SupervisionMode } | null;
  }[];
}

export type SupervisionMode = 'monitor' | 'whisper' | 'barge';

export interface BoardBulletin {
  bulletinId: string;
  text: string;
  severity: 'info' | 'urgent';
  postedAt: string;
}

export interface QueueBoard {
  queues: BoardQueue[];
  agents: BoardAgent[];
  bulletins: BoardBulletin[];
  /** Display names of the agents it names, from their accounts. */
  names: Record<string, string>;
}

/** The changes of the board since the last message: changed rows whole. */
export interface BoardDelta {
  queues: BoardQueue[];
  agents: BoardAgent[];
  removedQueueIds: string[];
  removedAgentIds: string[];
  bulletins?: BoardBulletin[];
  names: Record<string, string>;
}

/** A message of `GET /api/routing/board/live` (`event: board`); `ageMs`: how old the board is. */
export type WallboardMessage =
  | { kind: 'snapshot'; ageMs: number; board: QueueBoard }
  | { kind: 'delta'; ageMs: number; delta: BoardDelta }
  | { kind: 'fresh'; ageMs: number };

/** The wallboard pushed: the whole board, then its changes (Server-Sent Events). */
export const BOARD_LIVE_URL = '/api/routing/board/live';

/** The wallboard (GET /api/routing/board) and the supervisor's forced states. */
export const supervisorApi = {
  board: () => apiGet<QueueBoard>('/api/routing/board'),
  forceNotReady: (agentId: string, reason: string) =>
    apiPost(`/api/routing/agents/${encodeURIComponent(agentId)}/not-ready`, {
      commandId: newCommandId(),
      reason,
    }),
  supervise: (contactId: string, mode: SupervisionMode) =>
    apiPost(`/api/routing/contacts/${encodeURIComponent(contactId)}/supervise`, {
      commandId: newCommandId(),
      mode,
    }),
  stopSupervising: (contactId: string) =>
    apiPost(`/api/routing/contacts/${encodeURIComponent(contactId)}/stop-supervising`, {
      commandId: newCommandId(),
    }),
  postBulletin: (text: string, severity: 'info' | 'urgent') =>
    apiPost('/api/routing/bulletins', {
      commandId: newCommandId(),
      bulletinId: newCommandId(),
      text,
      severity,
    }),
  withdrawBulletin: (bulletinId: string) =>
    apiPost(`/api/routing/bulletins/${encodeURIComponent(bulletinId)}/withdraw`, {
      commandId: newCommandId(),
    }),
  forceLogOut: (agentId: string) =>
    apiPost(`/api/routing/agents/${encodeURIComponent(agentId)}/log-out`, { commandId: newCommandId() }),
};

/** What the board shows for an agent: the account's display name, else the account name; never the actor id. */
export const agentName = (agentId: string, names: Record<string, string> = {}): string =>
  names[agentId] ?? agentId.replace(/^user:/, '');
