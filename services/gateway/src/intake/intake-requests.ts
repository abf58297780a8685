import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  CITY_DISTRICT,
  INTAKE_SERVICE,
  ValidationError,
  commandSubject,
  querySubject,
  systemActor,
  type QueryViewer,
} from '@hotline/contracts';
import { BusRecord, messageHeaders } from '@hotline/infra/bus';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { actorFromRequest, correlationIdFromRequest } from '../actor-from-request';
import { asHttpError } from '../validation/http-field';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Who the public portal acts as: the portal itself, city-wide (citizens have no accounts here). */
export const PORTAL_VIEWER: QueryViewer = { actor: systemActor('citizen-portal'), districtId: CITY_DISTRICT };

/** The client-chosen id of a request body, required so that a retried request changes nothing more. */
export function commandIdOf(body: unknown): { commandId: string; data: Record<string, unknown> } {
  if (!isObject(body)) throw new ValidationError('body', 'must be a JSON object');
  const { commandId, ...data } = body;
  if (typeof commandId !== 'string' || commandId.trim() === '') {
    throw new ValidationError(
      'commandId',
      'is required: a client-chosen id that makes the request safe to repeat',
    );
  }
  return { commandId, data };
}

/** A portal submission's contact id, from its command id: the same submission retried is the same contact. */
export const portalContactId = (commandId: string): string =>
  `web-${createHash('sha1').update(`portal\n${commandId}`).digest('hex').slice(0, 32)}`;

/** Turns HTTP requests into intake commands and queries on the bus. */
export class IntakeRequests {
  constructor(private readonly bus: ClientProxy) {}

  /** A command from `{ commandId, ...data }`, as the actor in the headers (or the portal). */
  command(
    type: string,
    headers: IncomingHttpHeaders,
    body: unknown,
    extra: Record<string, unknown> = {},
    viewer?: QueryViewer,
  ): Promise<unknown> {
    const { commandId, data } = commandIdOf(body);
    const { actor, districtId } = viewer ?? actorFromRequest(headers);
    const correlationId = correlationIdFromRequest(headers, commandId);
    const envelope = {
      commandId,
      type,
      data: { ...data, ...extra },
      metadata: { correlationId, actor, districtId },
    };
    return this.send(commandSubject(INTAKE_SERVICE, type), envelope, correlationId);
  }

  /** A query as the actor in the headers (or the portal). */
  query(
    type: string,
    headers: IncomingHttpHeaders,
    params: Record<string, unknown>,
    viewer?: QueryViewer,
  ): Promise<unknown> {
    return this.send(
      querySubject(INTAKE_SERVICE, type),
      { viewer: viewer ?? actorFromRequest(headers), ...params },
      correlationIdFromRequest(headers, 'query'),
    );
  }

  private send(subject: string, payload: unknown, correlationId: string): Promise<unknown> {
    return firstValueFrom(
      this.bus.send(subject, new BusRecord(payload, messageHeaders({ correlationId }))),
    ).catch((error: unknown) => {
      throw asHttpError(error);
    });
  }
}
