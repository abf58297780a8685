/**
 * The wallboard's freshness under load (goal: updated within 1 s of the event). While contacts flow,
 * a supervisor's change (a probe agent made not ready with a new reason) is sent through one router
 * instance and the board (`GetQueueBoard`, what `/supervisor` reads) is asked through the other
 * until it shows the change. The time counts from the moment the command is sent, so it includes
 * the append; the console adds at most its 1 s refresh on top (`wallboard-page.tsx`).
 */
import { ROUTING_SERVICE, querySubject } from '@hotline/contracts';
import { agentProfile, routerCommandSender, type RoutingInstance } from '@hotline/routing/testing';

const PROBE_AGENT = 'agent-wallboard-probe';
const PROBE_EVERY_MS = 200;
/** A board that never shows the change is reported as this long, not waited on forever. */
const GIVE_UP_MS = 30_000;

type Board = { agents: Array<{ agentId: string; reason: string | null }> };

export interface WallboardProbe {
  /** Stops probing and answers the latencies measured (ms, sorted). */
  stop(): Promise<number[]>;
}

/** Sets up the probe agent (in no queue, so it never takes a contact) and starts probing. */
export async function startWallboardProbe(
  writer: RoutingInstance,
  reader: RoutingInstance,
): Promise<WallboardProbe> {
  const { command } = routerCommandSender('wallboard-probe');
  await command(writer, {
    type: 'SetAgentProfile',
    data: agentProfile(PROBE_AGENT, { skills: {}, queues: [] }),
  });
  await command(writer, { type: 'LogInAgent', data: { agentId: PROBE_AGENT } });
  const latencies: number[] = [];
  let stopped = false;
  const shows = async (reason: string): Promise<boolean> => {
    const board = await reader.send<Board>(querySubject(ROUTING_SERVICE, 'GetQueueBoard'), {});
    return board.agents.some((agent) => agent.agentId === PROBE_AGENT && agent.reason === reason);
  };
  const loop = (async () => {
    for (let round = 0; !stopped; round++) {
      const reason = `probe-${round}`;
      const sent = performance.now();
      await command(writer, { type: 'MakeAgentNotReady', data: { agentId: PROBE_AGENT, reason } });
      while (!(await shows(reason)) && performance.now() - sent < GIVE_UP_MS) {
        // The board is asked again at once: the probe measures staleness, not a polling period.
      }
      latencies.push(performance.now() - sent);
      await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      return latencies.sort((a, b) => a - b);
    },
  };
}
