import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { type ConsoleFile, ConsoleFiles } from './console-files';

/**
 * Scripts and styles from the console's own origin only. antd injects its CSS-in-JS as <style>
 * elements at run time, hence 'unsafe-inline' for styles (never for scripts).
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths the API and the probes own: never answered with the console. */
const NOT_CONSOLE = /^\/(api|health|metrics)(\/|$)/;

/**
 * Serves the built console at `/`: its files as they are, and index.html for any other GET that
 * asks for a page (client-side routes such as /unit/cases/…), so deep links and reloads work.
 */
@Injectable()
export class ConsoleStaticMiddleware implements NestMiddleware {
  constructor(@Inject(ConsoleFiles) private readonly files: ConsoleFiles) {}

  use(request: IncomingMessage, response: ServerResponse, next: () => void): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url ?? '/', 'http://console').pathname);
    } catch {
      return next();
    }
    if (NOT_CONSOLE.test(path)) return next();
    const file =
      (path !== '/' ? this.files.file(path) : undefined) ??
      (wantsPage(request, path) ? this.files.index() : undefined);
    if (file === undefined) return next();
    send(request, response, file);
  }
}

/** A page navigation (not a missing script or image, which should stay a 404). */
function wantsPage(request: IncomingMessage, path: string): boolean {
  const lastSegment = path.slice(path.lastIndexOf('/') + 1);
  return !lastSegment.includes('.') || (request.headers.accept ?? '').includes('text/html');
}

function send(request: IncomingMessage, response: ServerResponse, file: ConsoleFile): void {
  const gzip = file.gzipped !== undefined && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
  const body = gzip && file.gzipped !== undefined ? file.gzipped : file.body;
  response.statusCode = 200;
  response.setHeader('content-type', file.contentType);
  response.setHeader('cache-control', file.cacheControl);
  response.setHeader('x-content-type-options', 'nosniff');
  if (file.gzipped !== undefined) response.setHeader('vary', 'accept-encoding');
  if (gzip) response.setHeader('content-encoding', 'gzip');
  if (file.contentType.startsWith('text/html')) {
    // A stricter policy set earlier (by the auth layer) wins; this is the console's own minimum.
    if (!response.hasHeader('content-security-policy'))
      response.setHeader('content-security-policy', CONSOLE_CSP);
    response.setHeader('referrer-policy', 'same-origin');
  }
  response.setHeader('content-length', body.length);
  response.end(request.method === 'HEAD' ? undefined : body);
}
