import { HttpException } from '@nestjs/common';
import { HotlineError, httpStatusOf, type ErrorBody, type ErrorKind } from '@hotline/contracts';
import { toErrorBody } from '../bus/bus-errors';

export interface HttpErrorResponse {
  status: number;
  body: { error: ErrorBody };
  /** True for failures the caller did not cause: they are logged with the trace id. */
  unexpected: boolean;
  /** For 503: seconds after which a retry may succeed (the `Retry-After` header). */
  retryAfterSeconds?: number;
}

/** What a 503 tells the caller to wait when the error does not say (`details.retryAfterSeconds`). */
const DEFAULT_RETRY_AFTER_SECONDS = 2;

/** A 503 is temporary by definition: it always says when to try again. */
function withRetryAfter(response: HttpErrorResponse): HttpErrorResponse {
  if (response.status !== 503) return response;
  const given = response.body.error.details?.retryAfterSeconds;
  const seconds = typeof given === 'number' && given > 0 ? Math.ceil(given) : DEFAULT_RETRY_AFTER_SECONDS;
  return { ...response, retryAfterSeconds: seconds };
}

const KIND_OF_STATUS: Record<number, ErrorKind> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  422: 'rule',
  503: 'unavailable',
  504: 'timeout',
};

/**
 * The one HTTP mapping of errors. HotlineErrors keep their body and get the status of their kind;
 * the framework's own HttpExceptions (unknown route, unparsable JSON) keep their status; anything
 * else is 500 `internal` with no message, class or stack, so internals never reach a caller.
 */
export function httpErrorResponse(error: unknown, traceId?: string): HttpErrorResponse {
  return withRetryAfter(mapError(error, traceId));
}

function mapError(error: unknown, traceId: string | undefined): HttpErrorResponse {
  if (error instanceof HotlineError) {
    return {
      status: httpStatusOf(error.kind),
      body: { error: error.toBody() },
      unexpected: error.kind === 'internal',
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const kind = KIND_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'validation');
    const message = kind === 'internal' ? 'internal error' : error.message;
    return { status, body: { error: { kind, code: `HTTP_${status}`, message } }, unexpected: status >= 500 };
  }
  const client = clientError(error);
  if (client) {
    return {
      status: client.status,
      body: { error: { kind: 'validation', code: `HTTP_${client.status}`, message: client.message } },
      unexpected: false,
    };
  }
  const body = toErrorBody(error);
  return {
    status: httpStatusOf(body.kind),
    body: { error: traceId ? { ...body, details: { ...body.details, traceId } } : body },
    unexpected: true,
  };
}

/**
 * Express middleware (body parsing) rejects input with `http-errors` values: a 4xx `status` and
 * `expose: true` (a body over the limit, bad JSON, an unsupported charset). They are the caller's
 * fault, so they keep their status and message.
 */
function clientError(error: unknown): { status: number; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, expose, message } = error as { status?: unknown; expose?: unknown; message?: unknown };
  if (expose !== true || typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  return { status, message: typeof message === 'string' ? message : 'bad request' };
}
