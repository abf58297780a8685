import { commandSubject, querySubject, type Actor } from '@hotline/contracts';
import { BusRecord, messageHeaders, type BusClientProxy } from '@hotline/infra/bus';
import { firstValueFrom } from 'rxjs';
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
  constructor(
    private readonly client: BusClientProxy,
    private readonly clock: DemoClock,
  ) {}

  command(
    service: string,
    type: string,
    commandId: string,
    as: DemoActor,
    data: Record<string, unknown>,
    at: Date,
  ): Promise<BusReply> {
    const correlationId = commandId;
    const envelope = {
      commandId,
      type,
      data,
      metadata: { correlationId, actor: as.actor, districtId: as.districtId },
    };
    return this.clock.at(at, () => this.send(commandSubject(service, type), envelope, correlationId));
  }

  query(service: string, type: string, params: Record<string, unknown>): Promise<BusReply> {
    return this.send(querySubject(service, type), params, 'demo-city-query');
  }

  private send(subject: string, payload: unknown, correlationId: string): Promise<BusReply> {
    return firstValueFrom(
      this.client.send<BusReply>(subject, new BusRecord(payload, messageHeaders({ correlationId }))),
    );
  }
}
