/**
 * The wallboard's freshness under load (issue 13: updated within 1 s of the event). While contacts
 * flow, a supervisor's change (a probe agent made not ready with a new reason) is sent through one
 * router instance, and two clocks run from the moment it is sent (so they include the append):
 * - asked: the board (`GetQueueBoard`) asked through the other instance, again at once, until it
 *   shows the change. Before issue 13 the screen asked every second, so what it showed was this plus
 *   up to 1 s.
 * - pushed: the gateway's wallboard feed (`WallboardFeed`, what `GET /api/routing/board/live` sends)
 *   following the events the relay puts on JetStream and reading the board through the other
 *   instance, until a message it pushes shows the change. This is what the screen shows, less the
 *   HTTP hop to the browser.
 */
import { ROUTING_SERVICE, querySubject } from '@hotline/contracts';
import { WallboardFeed, type LiveBoard, type WallboardMessage } from '@hotline/gateway';
import {
  agentProfile,
  routerCommandSender,
  type RouterEndpoint,
  type RoutingInstance,
} from '@hotline/routing/testing';

const PROBE_AGENT = 'agent-wallboard-probe';
const PROBE_EVERY_MS = 200;
/** A board that never shows the change is reported as this long, not waited on forever. */
const GIVE_UP_MS = 30_000;

type Board = { agents: Array<{ agentId: string; reason: string | null }> };

export interface WallboardProbe {
  /** Stops probing and answers the latencies measured (ms, sorted). */
  stop(): Promise<{ asked: number[]; pushed: number[]; messages: number }>;
}

/** The probe agent's reason as the pushed board shows it, and a wait for a given one. */
function watchPushed(feed: WallboardFeed) {
  let shown: string | null | undefined;
  let messages = 0;
  const waiters = new Set<{ reason: string; resolve: () => void }>();
  const apply = (message: WallboardMessage): void => {
    messages++;
    const rows =
      message.kind === 'snapshot'
        ? message.board.agents
        : message.kind === 'delta'
          ? message.delta.agents
          : [];
    const probe = rows.find((row) => row.agentId === PROBE_AGENT);
    if (probe === undefined) return;
    shown = probe.reason as string | null;
    for (const waiter of waiters) {
      if (waiter.reason === shown) {
        waiters.delete(waiter);
        waiter.resolve();
      }
    }
  };
  const unsubscribe = feed.subscribe({ send: apply, close: () => undefined });
  const shows = (reason: string): Promise<void> =>
    shown === reason
      ? Promise.resolve()
      : new Promise((resolve) => {
          const waiter = { reason, resolve };
          waiters.add(waiter);
          setTimeout(() => {
            waiters.delete(waiter);
            resolve();
          }, GIVE_UP_MS);
        });
  return { shows, unsubscribe, messages: () => messages };
}

/**
 * Sets up the probe agent (in no queue, so it never takes a contact) and starts probing. The feed
 * follows the reader's projection source: JetStream, which a relay must feed.
 */
export async function startWallboardProbe(
  writer: RouterEndpoint,
  reader: RouterEndpoint & Pick<RoutingInstance, 'platform'>,
): Promise<WallboardProbe> {
  const { command } = routerCommandSender('wallboard-probe');
  await command(writer, {
    type: 'SetAgentProfile',
    data: agentProfile(PROBE_AGENT, { skills: {}, queues: [] }),
  });
  await command(writer, { type: 'LogInAgent', data: { agentId: PROBE_AGENT } });
  const feed = new WallboardFeed({
    source: reader.platform.projectionSource(),
    fetch: async () => ({
      ...(await reader.send<Omit<LiveBoard, 'names'>>(querySubject(ROUTING_SERVICE, 'GetQueueBoard'), {})),
      names: {},
    }),
    minIntervalMs: 250,
    refreshMs: 5_000,
    warn: (error, message) => console.warn(message, error),
  });
  const pushed = watchPushed(feed);
  const latencies = { asked: [] as number[], pushed: [] as number[] };
  let stopped = false;
  const asked = async (reason: string): Promise<boolean> => {
    const board = await reader.send<Board>(querySubject(ROUTING_SERVICE, 'GetQueueBoard'), {});
    return board.agents.some((agent) => agent.agentId === PROBE_AGENT && agent.reason === reason);
  };
  const loop = (async () => {
    for (let round = 0; !stopped; round++) {
      const reason = `probe-${round}`;
      const sent = performance.now();
      await command(writer, { type: 'MakeAgentNotReady', data: { agentId: PROBE_AGENT, reason } });
      await Promise.all([
        (async () => {
          while (!(await asked(reason)) && performance.now() - sent < GIVE_UP_MS) {
            // Asked again at once: this measures staleness, not a polling period.
          }
          latencies.asked.push(performance.now() - sent);
        })(),
        pushed.shows(reason).then(() => latencies.pushed.push(performance.now() - sent)),
      ]);
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      pushed.unsubscribe();
      await feed.close();
      const sorted = (values: number[]) => values.sort((a, b) => a - b);
      return {
        asked: sorted(latencies.asked),
        pushed: sorted(latencies.pushed),
        messages: pushed.messages(),
      };
    },
  };
}
