import { busTimeout, noResponders } from './bus-errors';
import type { BusHeaders } from './bus-record';

/** Answers one encoded request with an encoded reply; never rejects. */
export type Responder = (body: string, headers: BusHeaders) => Promise<string>;

interface QueueGroup {
  members: Responder[];
  next: number;
}

/**
 * The in-process stand-in for NATS core request/reply, shared by every InProcessTransport and
 * InProcessClientProxy of one process. Semantics follow NATS: one member of each queue group gets a
 * request (round robin), the first reply wins, no subscriber = no responders. Bodies travel as
 * JSON strings, so nothing is shared by reference between caller and handler.
 */
export class InProcessBroker {
  private readonly routes = new Map<string, Map<string, QueueGroup>>();

  /** Subscribes `responder` to `subject` in queue group `queue`; returns the unsubscribe function. */
  register(subject: string, queue: string, responder: Responder): () => void {
    const groups = this.routes.get(subject) ?? new Map<string, QueueGroup>();
    this.routes.set(subject, groups);
    const group = groups.get(queue) ?? { members: [], next: 0 };
    groups.set(queue, group);
    group.members.push(responder);
    return () => {
      group.members = group.members.filter((member) => member !== responder);
      if (group.members.length === 0) groups.delete(queue);
      if (groups.size === 0) this.routes.delete(subject);
    };
  }

  /** Rejects with a HotlineError: 'unavailable' when nobody listens, 'timeout' when nobody answers in time. */
  request(subject: string, body: string, headers: BusHeaders, timeoutMs: number): Promise<string> {
    const groups = [...(this.routes.get(subject)?.values() ?? [])];
    if (groups.length === 0) return Promise.reject(noResponders(subject));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(busTimeout(subject, timeoutMs)), timeoutMs);
      for (const group of groups) {
        const member = group.members[group.next % group.members.length] as Responder;
        group.next = (group.next + 1) % group.members.length;
        // A macrotask hop, as on the network: the caller never runs the handler on its own stack.
        setImmediate(() => {
          void member(body, { ...headers }).then((reply) => {
            clearTimeout(timer);
            resolve(reply);
          });
        });
      }
    });
  }
}
