import type { IncomingMessage, ServerResponse } from 'node:http';
import { isHttps } from './client-address';

/**
 * For the console (a React SPA from the gateway's own origin): scripts and styles from self only
 * (antd's CSS-in-JS needs inline styles), images from self/data/blob, API calls and SSE to self;
 * nothing may frame it.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: ReadonlyArray<[string, string]> = [
  ['content-security-policy', CSP],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'strict-origin-when-cross-origin'],
  ['x-frame-options', 'DENY'],
  // Geolocation for the portal's own pages only ("使用当前位置"), never for embedded third parties.
  ['permissions-policy', 'camera=(), microphone=(self), geolocation=(self), payment=(), usb=()'],
  ['cross-origin-opener-policy', 'same-origin'],
];

/** Sets the security headers on every response; HSTS only when the client came over HTTPS. */
export function securityHeaders(trustedProxies: readonly string[]) {
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    for (const [name, value] of HEADERS) response.setHeader(name, value);
    // The framework's name helps nobody but an attacker picking exploits.
    response.removeHeader('x-powered-by');
    if (isHttps(request, trustedProxies)) {
      response.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    next();
  };
}
