import type { RouterState } from '../router/router-state';

const sorted = <V>(map: Map<string, V>): Array<[string, V]> =>
  [...map.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

/** Everything observable of a router state, in a form `toEqual` can compare. */
export function snapshotOf(state: RouterState): unknown {
  return {
    settings: state.settings,
    queues: sorted(state.queues),
    agents: sorted(state.agents),
    contacts: sorted(state.contacts).map(([id, c]) => [id, { ...c, entry: undefined }]),
    order: [...state.queues.keys()]
      .sort()
      .map((queueId) => [...state.queued(queueId)].map((c) => c.contactId)),
    open: [...state.openAgents.entries()]
      .filter(([, set]) => set.size > 0)
      .map(([q, set]) => [q, [...set].sort()])
      .sort(),
    acw: [...state.agentsInAcw].sort(),
    offered: [...state.offeredContacts].sort(),
    lastCalls: sorted(state.lastCallFrom),
    bulletins: sorted(state.bulletins),
  };
}
