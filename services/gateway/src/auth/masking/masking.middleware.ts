import type { IncomingMessage, ServerResponse } from 'node:http';
import { identityOf } from '../identity';
import { maskPersonalData } from './mask-personal-data';

type JsonResponse = ServerResponse & { json?: (body: unknown) => unknown };

/**
 * Applies the masking matrix to every JSON answer of a signed-in user, at the HTTP edge. (An
 * app-wide Nest interceptor would also wrap the bus handlers of an embedded app, and run them
 * outside their trace context.)
 */
export function maskingMiddleware(request: IncomingMessage, response: JsonResponse, next: () => void): void {
  const json = response.json?.bind(response);
  if (json) {
    response.json = (body: unknown) => {
      const identity = identityOf(request.headers);
      return json(identity ? maskPersonalData(body, identity.role) : body);
    };
  }
  next();
}
