import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { activeTraceIds, type Logger } from '../telemetry';
import { httpErrorResponse } from './http-error-response';

/**
 * Answers every failed HTTP request with `{ error: ErrorBody }` and the status of its kind.
 * Register once per app: `app.useGlobalFilters(new HotlineErrorFilter(logger))`. Bus replies are
 * mapped the same way by HotlineRpcExceptionFilter (`@hotline/infra/bus`).
 */
@Catch()
export class HotlineErrorFilter implements ExceptionFilter {
  constructor(private readonly logger?: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<IncomingMessage & { originalUrl?: string }>();
    const response = http.getResponse<ServerResponse>();
    const url = request.originalUrl ?? request.url ?? '';
    const header = response.getHeader('x-trace-id');
    const traceId = activeTraceIds()?.trace_id ?? (typeof header === 'string' ? header : undefined);
    const mapped = httpErrorResponse(exception, traceId);
    if (mapped.unexpected) {
      this.logger?.error(
        { err: exception, trace_id: traceId, method: request.method, url },
        `${request.method ?? ''} ${url} failed unexpectedly`,
      );
    }
    if (response.headersSent) return;
    response.statusCode = mapped.status;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    if (mapped.retryAfterSeconds !== undefined)
      response.setHeader('retry-after', String(mapped.retryAfterSeconds));
    response.end(JSON.stringify(mapped.body));
  }
}
