import type { IncomingMessage, ServerResponse } from 'node:http';

type Request = IncomingMessage & { query?: Record<string, unknown>; body?: unknown };

/** Requests that named an `api_key`: a refusal of them says the key is invalid (403), not missing. */
const withKey = new WeakSet<IncomingMessage>();

export const sentApiKey = (request: IncomingMessage): boolean => withKey.has(request);

const keyIn = (source: unknown): unknown =>
  typeof source === 'object' && source !== null ? (source as Record<string, unknown>).api_key : undefined;

/**
 * GeoReport v2 clients send the jurisdiction's key as `api_key` (in the query or the form), not as a
 * header: it is our API token (`hlt_…`, `/api/api-tokens`), so it is handed to the one door every
 * route has (the auth guard) as the bearer token it is. An `Authorization` header, when sent, wins.
 */
export function open311ApiKey(request: Request, _response: ServerResponse, next: () => void): void {
  const key = keyIn(request.body) ?? keyIn(request.query);
  if (key !== undefined) withKey.add(request);
  if (typeof key === 'string' && key !== '' && request.headers.authorization === undefined) {
    request.headers.authorization = `Bearer ${key}`;
  }
  next();
}
