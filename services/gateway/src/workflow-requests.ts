import type { IncomingHttpHeaders } from 'node:http';
import { ValidationError, WORKFLOW_SERVICE, type QueryViewer } from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import type { ClientProxy } from '@nestjs/microservices';
import { actorFromRequest, actorRegisteringIn, correlationIdFromRequest } from './actor-from-request';
import { asHttpError } from './validation/http-field';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** Turns HTTP requests into commands and queries of a service (the workflow unless told) on the bus. */
export class WorkflowRequests {
  private readonly requests: BusRequests;

  constructor(
    bus: ClientProxy,
    private readonly service: string = WORKFLOW_SERVICE,
  ) {
    this.requests = new BusRequests(bus);
  }

  /**
   * A command from a JSON body `{ commandId, ...data }`: the client chooses the command id, so a
   * retried request is answered with the first result and changes nothing more. `as`: who acts on a
   * public route (no signed-in user).
   */
  command(
    type: string,
    headers: IncomingHttpHeaders,
    body: unknown,
    path: Record<string, string> = {},
    as?: QueryViewer,
  ): Promise<unknown> {
    const { commandId, data } = commandIdOf(body);
    // A case is registered in the district the body names (city-wide agents serve every district).
    const registering = type === 'RegisterCase';
    const { districtId: requested, ...fields } = data;
    const { actor, districtId } =
      as ?? (registering ? actorRegisteringIn(headers, requested) : actorFromRequest(headers));
    const correlationId = correlationIdFromRequest(headers, commandId);
    const payload = { ...(registering ? fields : data), ...path };
    return asHttp(
      this.requests.commandByName(this.service, type, commandId, payload, {
        actor,
        districtId,
        correlationId,
      }),
    );
  }

  /** A query as the signed-in caller. */
  query(type: string, headers: IncomingHttpHeaders, params: Record<string, unknown>): Promise<unknown> {
    const viewer = actorFromRequest(headers);
    const correlationId = correlationIdFromRequest(headers, 'query');
    return asHttp(this.requests.queryByName(this.service, type, { viewer, ...params }, correlationId));
  }

  /** A query anyone may ask (the citizen's lookup): no actor. */
  publicQuery(type: string, headers: IncomingHttpHeaders, params: Record<string, unknown>): Promise<unknown> {
    const correlationId = correlationIdFromRequest(headers, 'public-query');
    return asHttp(this.requests.queryByName(this.service, type, params, correlationId));
  }
}

/** A bus error as the HTTP answer it stands for. */
export const asHttp = (reply: Promise<unknown>): Promise<unknown> =>
  reply.catch((error: unknown) => {
    throw asHttpError(error);
  });
