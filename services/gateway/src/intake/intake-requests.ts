import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { CITY_DISTRICT, INTAKE_SERVICE, systemActor, type QueryViewer } from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import type { ClientProxy } from '@nestjs/microservices';
import { actorFromRequest, correlationIdFromRequest } from '../actor-from-request';
import { asHttp, commandIdOf } from '../workflow-requests';

export { commandIdOf };

/** Who the public portal acts as: the portal itself, city-wide (citizens have no accounts here). */
export const PORTAL_VIEWER: QueryViewer = { actor: systemActor('citizen-portal'), districtId: CITY_DISTRICT };

/** A portal submission's contact id, from its command id: the same submission retried is the same contact. */
export const portalContactId = (commandId: string): string =>
  `web-${createHash('sha1').update(`portal\n${commandId}`).digest('hex').slice(0, 32)}`;

/** Turns HTTP requests into intake commands and queries on the bus. */
export class IntakeRequests {
  private readonly requests: BusRequests;

  constructor(bus: ClientProxy) {
    this.requests = new BusRequests(bus);
  }

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
    const payload = { ...data, ...extra };
    return asHttp(
      this.requests.commandByName(INTAKE_SERVICE, type, commandId, payload, {
        actor,
        districtId,
        correlationId,
      }),
    );
  }

  /** A query as the actor in the headers (or the portal). */
  query(
    type: string,
    headers: IncomingHttpHeaders,
    params: Record<string, unknown>,
    viewer?: QueryViewer,
  ): Promise<unknown> {
    const payload = { viewer: viewer ?? actorFromRequest(headers), ...params };
    return asHttp(
      this.requests.queryByName(INTAKE_SERVICE, type, payload, correlationIdFromRequest(headers, 'query')),
    );
  }
}
