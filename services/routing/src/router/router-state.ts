import type { RouterSettings } from '@hotline/contracts';
import {
  DEFAULT_ROUTER_SETTINGS,
  isOpenForOffers,
  type AgentRecord,
  type BulletinRecord,
  type ContactRecord,
  type QueueRecord,
} from './router-records';

/** Contacts of one queue and one priority in arrival order; dead entries are skipped lazily. */
export interface Fifo {
  ids: string[];
  /** The contact's `entry` when it was pushed: an id seen again after a re-queue is a new entry. */
  entries: number[];
  head: number;
}

/**
 * The router's state: queues, agents and the contacts in its care, with the indexes a decision
 * needs to run in well under a millisecond with thousands of agents and contacts.
 *
 * It is a mutable fold (evolve changes it in place, which is what makes 50,000 waiting contacts
 * cheap), but every change goes through the setters below, which can journal their undo. `decide`
 * works on the real state inside `trial()`, sees the effect of each event it emits, and leaves the
 * state exactly as it found it.
 */
export class RouterState {
  settings: RouterSettings = DEFAULT_ROUTER_SETTINGS;
  readonly queues = new Map<string, QueueRecord>();
  readonly agents = new Map<string, AgentRecord>();
  readonly contacts = new Map<string, ContactRecord>();
  /** queue → priority → arrival order. */
  private readonly fifos = new Map<string, Map<number, Fifo>>();
  /** queue → agents open for offers (before delays and per-contact checks). */
  readonly openAgents = new Map<string, Set<string>>();
  readonly agentsInAcw = new Set<string>();
  readonly offeredContacts = new Set<string>();
  /** caller number → when they last queued, for the repeat-caller priority. */
  readonly lastCallFrom = new Map<string, number>();
  /** Bulletins on the desks, by id. */
  readonly bulletins = new Map<string, BulletinRecord>();
  private journal: Array<() => void> | undefined;
  private entries = 0;

  /** Runs `work` against this state and undoes every change it made, whatever happens. */
  trial<T>(work: () => T): T {
    const outer = this.journal;
    this.journal = [];
    const undo = this.journal;
    try {
      return work();
    } finally {
      for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
      this.journal = outer;
    }
  }

  private remember(undo: () => void): void {
    this.journal?.push(undo);
  }

  private setIn<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    const had = map.has(key);
    const old = map.get(key);
    if (value === undefined) map.delete(key);
    else map.set(key, value);
    this.remember(() => (had ? map.set(key, old as V) : map.delete(key)));
  }

  private toggle<T>(set: Set<T>, item: T, present: boolean): void {
    if (set.has(item) === present) return;
    if (present) set.add(item);
    else set.delete(item);
    this.remember(() => (present ? set.delete(item) : set.add(item)));
  }

  setSettings(settings: RouterSettings): void {
    const old = this.settings;
    this.settings = settings;
    this.remember(() => (this.settings = old));
  }

  setQueue(queue: QueueRecord): void {
    this.setIn(this.queues, queue.config.queueId, queue);
  }

  updateQueue(queueId: string, change: (queue: QueueRecord) => QueueRecord): void {
    const queue = this.queues.get(queueId);
    if (queue) this.setQueue(change(queue));
  }

  /** Replaces an agent's record and keeps the per-queue indexes in step with it. */
  setAgent(agent: AgentRecord): void {
    const old = this.agents.get(agent.agentId);
    this.setIn(this.agents, agent.agentId, agent);
    const oldQueues = old?.profile.queues.map((m) => m.queueId) ?? [];
    const newQueues = agent.profile.queues.map((m) => m.queueId);
    for (const queueId of new Set([...oldQueues, ...newQueues])) {
      const wasIn = old !== undefined && old.loggedIn && oldQueues.includes(queueId);
      const isIn = agent.loggedIn && newQueues.includes(queueId);
      if (wasIn !== isIn)
        this.updateQueue(queueId, (q) => ({ ...q, loggedIn: q.loggedIn + (isIn ? 1 : -1) }));
      let open = this.openAgents.get(queueId);
      if (!open) {
        open = new Set();
        this.openAgents.set(queueId, open);
      }
      this.toggle(open, agent.agentId, newQueues.includes(queueId) && isOpenForOffers(agent));
    }
    this.toggle(this.agentsInAcw, agent.agentId, agent.acwUntil !== undefined);
  }

  /** How many entries into queues were numbered so far (a snapshot carries it on). */
  get entryCount(): number {
    return this.entries;
  }

  /** A state restored from a snapshot numbers the next entries after the snapshot's. */
  continueEntriesAfter(count: number): void {
    this.entries = count;
  }

  /** A number for a contact entering a queue; its record carries it as `entry`. */
  nextEntry(): number {
    this.entries++;
    this.remember(() => this.entries--);
    return this.entries;
  }

  setContact(contactId: string, contact: ContactRecord | undefined): void {
    const old = this.contacts.get(contactId);
    this.setIn(this.contacts, contactId, contact);
    this.toggle(this.offeredContacts, contactId, contact?.status === 'offered');
    const wasQueued = old !== undefined && old.status !== 'connected';
    const isQueued = contact !== undefined && contact.status !== 'connected';
    const sameEntry = old !== undefined && contact !== undefined && old.entry === contact.entry;
    if (old && wasQueued && !(isQueued && sameEntry)) {
      this.updateQueue(old.queueId, (q) => ({ ...q, waiting: q.waiting - 1 }));
      this.dropDeadHeads(old.queueId, old.priority);
    }
    if (contact && isQueued && !(wasQueued && sameEntry)) {
      this.updateQueue(contact.queueId, (q) => ({ ...q, waiting: q.waiting + 1 }));
      this.push(contact.queueId, contact.priority, contact);
    }
  }

  setBulletin(bulletinId: string, bulletin: BulletinRecord | undefined): void {
    this.setIn(this.bulletins, bulletinId, bulletin);
  }

  setLastCall(number: string, at: number): void {
    this.setIn(this.lastCallFrom, number, at);
  }

  private push(queueId: string, priority: number, contact: ContactRecord): void {
    let byPriority = this.fifos.get(queueId);
    if (!byPriority) {
      byPriority = new Map();
      this.fifos.set(queueId, byPriority);
    }
    let fifo = byPriority.get(priority);
    if (!fifo) {
      fifo = { ids: [], entries: [], head: 0 };
      byPriority.set(priority, fifo);
    }
    const target = fifo;
    target.ids.push(contact.contactId);
    target.entries.push(contact.entry);
    this.remember(() => {
      target.ids.pop();
      target.entries.pop();
    });
  }

  /** A fifo slot is live while its contact is still in that entry and not yet with an agent. */
  private live(fifo: Fifo, index: number): ContactRecord | undefined {
    const contact = this.contacts.get(fifo.ids[index]!);
    return contact !== undefined && contact.entry === fifo.entries[index] && contact.status !== 'connected'
      ? contact
      : undefined;
  }

  private dropDeadHeads(queueId: string, priority: number): void {
    const fifo = this.fifos.get(queueId)?.get(priority);
    if (!fifo) return;
    const before = fifo.head;
    while (fifo.head < fifo.ids.length && !this.live(fifo, fifo.head)) fifo.head++;
    if (fifo.head === before) return;
    if (this.journal) {
      this.remember(() => (fifo.head = before));
    } else if (fifo.head > 1024 && fifo.head * 2 > fifo.ids.length) {
      // Outside a trial nothing can ask for the old head back, so the dead prefix can go.
      fifo.ids.splice(0, fifo.head);
      fifo.entries.splice(0, fifo.head);
      fifo.head = 0;
    }
  }

  /** The queue's contacts in service order: higher priority first, then by arrival. */
  *queued(queueId: string): Generator<ContactRecord> {
    for (const fifo of this.fifosByPriority(queueId)) yield* this.queuedIn(fifo);
  }

  fifosByPriority(queueId: string): Fifo[] {
    const byPriority = this.fifos.get(queueId);
    if (!byPriority) return [];
    return [...byPriority.entries()].sort((a, b) => b[0] - a[0]).map(([, fifo]) => fifo);
  }

  *queuedIn(fifo: Fifo): Generator<ContactRecord> {
    for (let i = fifo.head; i < fifo.ids.length; i++) {
      const contact = this.live(fifo, i);
      if (contact) yield contact;
    }
  }
}
