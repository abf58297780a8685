import { agentIdsIn } from '../seat-names';

/** A row of the wallboard (a queue by `queueId`, an agent by `agentId`), as the router answers it. */
export type BoardRow = Record<string, unknown>;

/** The router's board (`GetQueueBoard`) with the display names of the agents it names. */
export interface LiveBoard {
  /** When the router counted the seconds of the rows. */
  at: string;
  queues: BoardRow[];
  agents: BoardRow[];
  bulletins: unknown[];
  names: Record<string, string>;
}

/** What changed between two boards: whole rows, since a row is small and the screen replaces it. */
export interface BoardDelta {
  queues: BoardRow[];
  agents: BoardRow[];
  removedQueueIds: string[];
  removedAgentIds: string[];
  /** The whole list, when it changed. */
  bulletins?: unknown[];
  /** The names of the agents the changed rows name. */
  names: Record<string, string>;
}

/**
 * Seconds a row counts up with the clock: a change of them alone is no change (the screen counts
 * them on from when it received the row); the instant they count from (`since`, `oldestQueuedAt`)
 * is compared instead.
 */
const CLOCK_FIELDS = new Set(['secondsInState', 'longestWaitSeconds']);

const withoutClock = (row: BoardRow): string =>
  JSON.stringify(row, (key, value: unknown) => (CLOCK_FIELDS.has(key) ? undefined : value));

function changedRows(
  before: BoardRow[],
  after: BoardRow[],
  key: 'queueId' | 'agentId',
): { changed: BoardRow[]; removed: string[] } {
  const earlier = new Map(before.map((row) => [row[key] as string, withoutClock(row)]));
  const changed = after.filter((row) => earlier.get(row[key] as string) !== withoutClock(row));
  const present = new Set(after.map((row) => row[key] as string));
  return { changed, removed: [...earlier.keys()].filter((id) => !present.has(id)) };
}

/** The delta from `before` to `after`, or undefined when the screen would show nothing new. */
export function boardDelta(before: LiveBoard, after: LiveBoard): BoardDelta | undefined {
  const queues = changedRows(before.queues, after.queues, 'queueId');
  const agents = changedRows(before.agents, after.agents, 'agentId');
  const bulletinsChanged = JSON.stringify(before.bulletins) !== JSON.stringify(after.bulletins);
  if (
    queues.changed.length + queues.removed.length + agents.changed.length + agents.removed.length === 0 &&
    !bulletinsChanged
  ) {
    return undefined;
  }
  const named = agentIdsIn(agents.changed);
  return {
    queues: queues.changed,
    agents: agents.changed,
    removedQueueIds: queues.removed,
    removedAgentIds: agents.removed,
    ...(bulletinsChanged ? { bulletins: after.bulletins } : {}),
    names: Object.fromEntries(Object.entries(after.names).filter(([id]) => named.has(id))),
  };
}

/** One delta with the effect of `deltas` applied in turn (a watcher back after a drop gets this). */
export function mergeDeltas(deltas: BoardDelta[]): BoardDelta {
  const queues = new Map<string, BoardRow>();
  const agents = new Map<string, BoardRow>();
  const removedQueues = new Set<string>();
  const removedAgents = new Set<string>();
  let bulletins: unknown[] | undefined;
  const names: Record<string, string> = {};
  const apply = (
    rows: Map<string, BoardRow>,
    removed: Set<string>,
    changed: BoardRow[],
    gone: string[],
    key: 'queueId' | 'agentId',
  ) => {
    for (const row of changed) {
      rows.set(row[key] as string, row);
      removed.delete(row[key] as string);
    }
    for (const id of gone) {
      rows.delete(id);
      removed.add(id);
    }
  };
  for (const delta of deltas) {
    apply(queues, removedQueues, delta.queues, delta.removedQueueIds, 'queueId');
    apply(agents, removedAgents, delta.agents, delta.removedAgentIds, 'agentId');
    if (delta.bulletins !== undefined) bulletins = delta.bulletins;
    Object.assign(names, delta.names);
  }
  const named = agentIdsIn([...agents.values()]);
  return {
    queues: [...queues.values()],
    agents: [...agents.values()],
    removedQueueIds: [...removedQueues],
    removedAgentIds: [...removedAgents],
    ...(bulletins !== undefined ? { bulletins } : {}),
    names: Object.fromEntries(Object.entries(names).filter(([id]) => named.has(id))),
  };
}
