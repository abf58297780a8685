import type { RouterSettings } from '@hotline/contracts';
import type { AgentRecord, BulletinRecord, ContactRecord, QueueRecord } from '../router/router-records';
import { RouterState } from '../router/router-state';

/** A router state as plain data: the records, with contacts in service order; indexes are rebuilt. */
export interface RouterStateData {
  settings: RouterSettings;
  queues: QueueRecord[];
  agents: AgentRecord[];
  /** Per queue the waiting and offered contacts in service order, then the connected ones. */
  contacts: ContactRecord[];
  lastCalls: Array<[string, number]>;
  bulletins: BulletinRecord[];
  entries: number;
}

export function stateData(state: RouterState): RouterStateData {
  const queued = [...state.queues.keys()].flatMap((queueId) => [...state.queued(queueId)]);
  const connected = [...state.contacts.values()].filter((contact) => contact.status === 'connected');
  return {
    settings: state.settings,
    queues: [...state.queues.values()],
    agents: [...state.agents.values()],
    contacts: [...queued, ...connected],
    lastCalls: [...state.lastCallFrom.entries()],
    bulletins: [...state.bulletins.values()],
    entries: state.entryCount,
  };
}

/**
 * The state `stateData` was taken from, through the same setters `evolve` uses, so the indexes
 * (queue order, agents open for offers, counts) come out as folding the events made them: the
 * queues first with no one counted, then the agents (who count as logged in and open), then the
 * contacts in service order (which rebuilds each queue's arrival order).
 */
export function restoreState(data: RouterStateData): RouterState {
  const state = new RouterState();
  state.setSettings(data.settings);
  for (const queue of data.queues) state.setQueue({ ...queue, waiting: 0, loggedIn: 0 });
  for (const agent of data.agents) state.setAgent(agent);
  for (const contact of data.contacts) state.setContact(contact.contactId, contact);
  for (const [number, at] of data.lastCalls) state.setLastCall(number, at);
  for (const bulletin of data.bulletins) state.setBulletin(bulletin.bulletin.bulletinId, bulletin);
  state.continueEntriesAfter(data.entries);
  return state;
}
