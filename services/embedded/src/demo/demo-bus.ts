import type { Actor } from '@hotline/contracts';
import { BusRequests, type BusClientProxy } from '@hotline/infra/bus';
import type { DemoClock } from './demo-clock';

/** Who sends a demo command: the actor and the district the command is for. */
export interface DemoActor {
  actor: Actor;
  districtId: string;
}

export type BusReply = Record<string, unknown>;

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
    return this.clock.at(
      at,
      () => this.requests.commandByName(service, type, commandId, data, as) as Promise<BusReply>,
    );
  }

  query(service: string, type: string, params: Record<string, unknown>): Promise<BusReply> {
    return this.requests.queryByName<BusReply>(service, type, params, 'demo-city-query');
  }
}
