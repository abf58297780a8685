import type { IncomingHttpHeaders } from 'node:http';
import { ValidationError, WORKFLOW_SERVICE, commandSubject, querySubject } from '@hotline/contracts';
import { BusRecord, messageHeaders } from '@hotline/infra/bus';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import { actorFromRequest, actorRegisteringIn, correlationIdFromRequest } from './actor-from-request';
import { asHttpError } from './validation/http-field';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Turns HTTP requests into commands and queries of a service (the workflow unless told) on the bus. */
export class WorkflowRequests {
  constructor(
    private readonly bus: ClientProxy,
    private readonly service: string = WORKFLOW_SERVICE,
  ) {}

  /**
   * A command from a JSON body `{ commandId, ...data }`: the client chooses the command id, so a
   * retried request is answered with the first result and changes nothing more.
   */
  command(
    type: string,
    headers: IncomingHttpHeaders,
    body: unknown,
    path: Record<string, string> = {},
  ): Promise<unknown> {
    if (!isObject(body)) throw new ValidationError('body', 'must be a JSON object');
    const { commandId, ...data } = body;
    if (typeof commandId !== 'string' || commandId.trim() === '') {
      throw new ValidationError(
        'commandId',
        'is required: a client-chosen id that makes the request safe to repeat',
      );
    }
    // A case is registered in the district the body names (city-wide agents serve every district).
    const registering = type === 'RegisterCase';
    const { districtId: requested, ...fields } = data;
    const { actor, districtId } = registering
      ? actorRegisteringIn(headers, requested)
      : actorFromRequest(headers);
    const correlationId = correlationIdFromRequest(headers, commandId);
    const envelope = {
      commandId,
      type,
      data: { ...(registering ? fields : data), ...path },
      metadata: { correlationId, actor, districtId },
    };
    return this.send(commandSubject(this.service, type), envelope, correlationId);
  }

  /** A query as the signed-in caller. */
  query(type: string, headers: IncomingHttpHeaders, params: Record<string, unknown>): Promise<unknown> {
    const viewer = actorFromRequest(headers);
    return this.send(
      querySubject(this.service, type),
      { viewer, ...params },
      correlationIdFromRequest(headers, 'query'),
    );
  }

  /** A query anyone may ask (the citizen's lookup): no actor. */
  publicQuery(type: string, headers: IncomingHttpHeaders, params: Record<string, unknown>): Promise<unknown> {
    return this.send(
      querySubject(this.service, type),
      params,
      correlationIdFromRequest(headers, 'public-query'),
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
