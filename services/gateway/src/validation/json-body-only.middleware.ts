import type { IncomingMessage, ServerResponse } from 'node:http';

/** Routes that take something other than JSON: the attachment upload (multipart). */
const NOT_JSON = /^\/api\/attachments\/?$/;

const hasBody = (request: IncomingMessage): boolean =>
  Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;

/**
 * The API's bodies are JSON: a body of another type (XML, a form) is refused with 415 naming the
 * header, before any parser or handler sees it, instead of reaching validation as an empty object.
 */
export function jsonBodyOnly(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const path = ((request as { originalUrl?: string }).originalUrl ?? request.url ?? '/').split('?')[0] ?? '/';
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const json = type === 'application/json' || type.endsWith('+json');
  if (!path.startsWith('/api/') || NOT_JSON.test(path) || !hasBody(request) || json) return next();
  response.statusCode = 415;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.end(
    JSON.stringify({
      error: {
        kind: 'validation',
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `content-type: the body must be application/json, not ${type || 'untyped'}`,
        field: 'content-type',
      },
    }),
  );
}
