import { HotlineError, type Actor } from '@hotline/contracts';
import { BusRequests, type BusClientProxy } from '@hotline/infra/bus';
import type { DemoClock } from './demo-clock';

/** Who sends a demo command: the actor and the district the command is for. */
export interface DemoActor {
  actor: Actor;
  districtId: string;
}

export type BusReply = Record<string, unknown>;

/** How long one demo request keeps trying while a service answers "not now" (read model behind, busy). */
const UNAVAILABLE_FOR_MS = 120_000;

/**
 * Runs `send` again while the answer is `unavailable`: on a loaded machine a read model can be seconds
 * behind the demo's own writes, and a case left half-made would fail the whole city. Safe to repeat:
 * every command carries its id (answered from the first run) and queries change nothing.
 */
export async function whileUnavailable<T>(send: () => Promise<T>, forMs = UNAVAILABLE_FOR_MS): Promise<T> {
  const deadline = Date.now() + forMs;
  for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      return await send();
    } catch (error) {
      const transient = error instanceof HotlineError && error.kind === 'unavailable';
      if (!transient || Date.now() + wait > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * Sends the demo's commands and queries over the bus exactly as the gateway does: a command envelope
 * with a client-chosen command id, so every command is idempotent and a second run changes nothing.
 * A command is decided at its business time through the demo clock.
 */
export class DemoBus {
  private readonly requests: BusRequests;

  constructor(
    client: BusClientProxy,
    private readonly clock: DemoClock,
  ) {
    this.requests = new BusRequests(client);
  }

  command(
    service: string,
    type: string,
    commandId: string,
    as: DemoActor,
    data: Record<string, unknown>,
    at: Date,
  ): Promise<BusReply> {
    return this.clock.at(at, () =>
      whileUnavailable(
        () => this.requests.commandByName(service, type, commandId, data, as) as Promise<BusReply>,
      ),
    );
  }

  query(service: string, type: string, params: Record<string, unknown>): Promise<BusReply> {
    return whileUnavailable(() =>
      this.requests.queryByName<BusReply>(service, type, params, 'demo-city-query'),
    );
  }
}
