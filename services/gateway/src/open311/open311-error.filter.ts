import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import { httpErrorResponse } from '@hotline/infra/command';
import { sentApiKey } from './open311-api-key.middleware';
import { formatOfRequest, renderList, setContentType } from './open311-format';

/**
 * GeoReport v2's errors: a list of `{ code, description }` (XML `<errors><error>`), the code being
 * the HTTP status. Our `field` rides along (the parameter at fault), as everywhere in the API. A key
 * that was sent but not accepted is the specification's 403 (invalid api_key), not a missing one.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Open311');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<IncomingMessage>();
    const response = http.getResponse<ServerResponse>();
    const mapped = httpErrorResponse(exception);
    if (mapped.unexpected)
      this.logger.error(exception, `${request.method ?? ''} ${request.url ?? ''} failed`);
    if (response.headersSent) return;
    const invalidKey = mapped.status === 401 && sentApiKey(request);
    const status = invalidKey ? 403 : mapped.status;
    const description = invalidKey
      ? 'api_key: not a valid key of this jurisdiction'
      : mapped.unexpected
        ? 'internal error'
        : mapped.body.error.message;
    const format = formatOfRequest(request);
    response.statusCode = status;
    setContentType(response, format);
    if (mapped.retryAfterSeconds !== undefined)
      response.setHeader('retry-after', String(mapped.retryAfterSeconds));
    const field = invalidKey ? 'api_key' : mapped.body.error.field;
    response.end(
      renderList(format, 'errors', 'error', [
        [
          ['code', status],
          ['description', description],
          ['field', field],
        ],
      ]),
    );
  }
}
