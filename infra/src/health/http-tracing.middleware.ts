import { Inject, Injectable, Optional, type NestMiddleware } from '@nestjs/common';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRACER_NAME, extractTraceContext, type Logger } from '../telemetry';
import { HEALTH_LOGGER } from './health.tokens';

type Request = IncomingMessage & { originalUrl?: string; route?: { path?: unknown } };

/**
 * Personal identifiers have no place in paths (the API takes them in bodies), but a client may still
 * put one there: mobile and landline numbers and ID card numbers are masked before a path is logged.
 */
const PERSONAL_IN_PATH = /(?<![\dA-Za-z])(1\d{10}|0\d{2,3}-?\d{7,8}|\d{17}[\dXx])(?![\dA-Za-z])/g;
export const redactPath = (path: string): string => path.replace(PERSONAL_IN_PATH, '***');

/** Probes and scrapes arrive every few seconds: tracing and logging them would drown real traffic. */
const UNTRACED = /^\/(health\/(live|ready)|metrics)\/?$/;

const header = (request: Request, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * A SERVER span per request, continuing the caller's `traceparent`; the handler runs inside it, so
 * the bus hop and the command handler join the same trace. Answers carry `x-trace-id`, and one log
 * line per request names method, path (never the query: it may hold personal data), status and time.
 */
@Injectable()
export class HttpTracingMiddleware implements NestMiddleware {
  constructor(@Optional() @Inject(HEALTH_LOGGER) private readonly logger?: Logger) {}

  use(request: Request, response: ServerResponse, next: () => void): void {
    const method = request.method ?? 'GET';
    const path = redactPath((request.originalUrl ?? request.url ?? '/').split('?')[0] ?? '/');
    if (UNTRACED.test(path)) return next();

    const traceparent = header(request, 'traceparent');
    const tracestate = header(request, 'tracestate');
    const parent = extractTraceContext(
      { ...(traceparent ? { traceparent } : {}), ...(tracestate ? { tracestate } : {}) },
      ROOT_CONTEXT,
    );
    const span = trace
      .getTracer(TRACER_NAME)
      .startSpan(
        method,
        { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method, [ATTR_URL_PATH]: path } },
        parent,
      );
    const active = trace.setSpan(parent, span);
    response.setHeader('x-trace-id', span.spanContext().traceId);
    const started = performance.now();

    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      const status = response.writableFinished ? response.statusCode : 499;
      const route = typeof request.route?.path === 'string' ? request.route.path : undefined;
      if (route) span.updateName(`${method} ${route}`).setAttribute(ATTR_HTTP_ROUTE, route);
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
      if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
      const durationMs = Math.round((performance.now() - started) * 10) / 10;
      context.with(active, () =>
        this.logger?.info(
          { method, path, status, durationMs },
          `${method} ${path} ${status} ${durationMs}ms`,
        ),
      );
    };
    response.once('finish', end);
    response.once('close', end);
    context.with(active, next);
  }
}
