import {
  commandSubject,
  querySubject,
  type CommandDefinition,
  type CommandEnvelope,
  type QueryDefinition,
} from '@hotline/contracts';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import type { z } from 'zod';
import { BusRecord, messageHeaders } from './bus-record';

/** Who sends a command (actor, district), and the trace it continues; the correlation id defaults to the command id. */
export type CommandOrigin = Omit<CommandEnvelope['metadata'], 'correlationId'> & { correlationId?: string };

/**
 * The one place a command envelope `{ commandId, type, data, metadata }` or a query is put on the
 * bus from outside the owning service: the gateway, the demo city, another service. By definition
 * (`command(RegisterCase, …)`: the data typed by its schema) or by name, for a route that forwards
 * whichever command its path names.
 */
export class BusRequests {
  constructor(private readonly client: ClientProxy) {}

  command<D extends CommandDefinition>(
    definition: D,
    commandId: string,
    data: z.input<D['schema']>,
    origin: CommandOrigin,
  ): Promise<unknown> {
    return this.commandByName(definition.service, definition.type, commandId, data, origin);
  }

  commandByName(
    service: string,
    type: string,
    commandId: string,
    data: unknown,
    origin: CommandOrigin,
  ): Promise<unknown> {
    const metadata = { ...origin, correlationId: origin.correlationId ?? commandId };
    const envelope: CommandEnvelope = { commandId, type, data, metadata };
    return this.send(commandSubject(service, type), envelope, metadata);
  }

  query<R = unknown, D extends QueryDefinition = QueryDefinition>(
    definition: D,
    params: z.input<D['schema']>,
    correlationId: string,
  ): Promise<R> {
    return this.queryByName<R>(definition.service, definition.type, params, correlationId);
  }

  queryByName<R = unknown>(
    service: string,
    type: string,
    params: unknown,
    correlationId: string,
  ): Promise<R> {
    return this.send<R>(querySubject(service, type), params, { correlationId });
  }

  private send<R>(
    subject: string,
    payload: unknown,
    metadata: Parameters<typeof messageHeaders>[0],
  ): Promise<R> {
    return firstValueFrom(this.client.send<R>(subject, new BusRecord(payload, messageHeaders(metadata))));
  }
}
