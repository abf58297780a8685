import type { BoardAgent, BoardQueue, QueueBoard, WallboardMessage } from './supervisor-api';

/**
 * The board as the screen holds it. Times are this browser's clock (ms): the seconds a row counts
 * up are counted on from when the row arrived, whatever the server's clock says.
 */
export interface ShownBoard {
  queues: Array<BoardQueue & { waitingSince: number | null }>;
  agents: Array<BoardAgent & { inStateSince: number }>;
  bulletins: QueueBoard['bulletins'];
  names: Record<string, string>;
  /** When the board was last known true (read, or confirmed unchanged). */
  confirmedAt: number;
}

const queueRow = (queue: BoardQueue, asOf: number): ShownBoard['queues'][number] => ({
  ...queue,
  waitingSince:
    queue.waiting > 0 || queue.longestWaitSeconds > 0 ? asOf - queue.longestWaitSeconds * 1000 : null,
});
const agentRow = (agent: BoardAgent, asOf: number): ShownBoard['agents'][number] => ({
  ...agent,
  inStateSince: asOf - agent.secondsInState * 1000,
});

/** Replaces rows by id and adds new ones at the end, so rows keep their places on the screen. */
function merged<R>(rows: R[], changed: R[], removed: string[], id: (row: R) => string): R[] {
  const byId = new Map(changed.map((row) => [id(row), row]));
  const gone = new Set(removed);
  const kept = rows.filter((row) => !gone.has(id(row))).map((row) => byId.get(id(row)) ?? row);
  const known = new Set(rows.map(id));
  return [...kept, ...changed.filter((row) => !known.has(id(row)))];
}

/** A whole board read `ageMs` before `receivedAt` (a poll: 0). */
export function shownBoard(board: QueueBoard, receivedAt: number, ageMs = 0): ShownBoard {
  const asOf = receivedAt - ageMs;
  return {
    queues: board.queues.map((queue) => queueRow(queue, asOf)),
    agents: board.agents.map((agent) => agentRow(agent, asOf)),
    bulletins: board.bulletins,
    names: board.names,
    confirmedAt: asOf,
  };
}

/** The board after a live message; a change before the first whole board is dropped (one is coming). */
export function applyBoardMessage(
  shown: ShownBoard | undefined,
  message: WallboardMessage,
  receivedAt: number,
): ShownBoard | undefined {
  const asOf = receivedAt - message.ageMs;
  switch (message.kind) {
    case 'snapshot':
      return shownBoard(message.board, receivedAt, message.ageMs);
    case 'delta': {
      if (shown === undefined) return undefined;
      const { delta } = message;
      return {
        queues: merged(
          shown.queues,
          delta.queues.map((queue) => queueRow(queue, asOf)),
          delta.removedQueueIds,
          (queue) => queue.queueId,
        ),
        agents: merged(
          shown.agents,
          delta.agents.map((agent) => agentRow(agent, asOf)),
          delta.removedAgentIds,
          (agent) => agent.agentId,
        ),
        bulletins: delta.bulletins ?? shown.bulletins,
        names: { ...shown.names, ...delta.names },
        confirmedAt: Math.max(shown.confirmedAt, asOf),
      };
    }
    case 'fresh':
      return shown === undefined ? undefined : { ...shown, confirmedAt: Math.max(shown.confirmedAt, asOf) };
    default: {
      const unknown: never = message;
      return unknown;
    }
  }
}

/** Whole seconds from `since` to `now` (never negative). */
export const secondsSince = (since: number, now: number): number =>
  Math.max(0, Math.floor((now - since) / 1000));
