import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

export const SESSION_COOKIE = 'hotline_session';
export const CSRF_COOKIE = 'hotline_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The cookies of a request by name (the first of a repeated name). */
export function readCookies(headers: IncomingHttpHeaders): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // a malformed value is no cookie
    }
  }
  return cookies;
}

export interface CookieOptions {
  secure: boolean;
}

const attributes = (maxAgeSeconds: number, httpOnly: boolean, options: CookieOptions): string =>
  [
    'Path=/',
    `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`,
    'SameSite=Lax',
    ...(httpOnly ? ['HttpOnly'] : []),
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');

/** Sets the http-only session cookie and the readable CSRF cookie (the double submit's pair). */
export function setSessionCookies(
  response: ServerResponse,
  values: { session: string; csrf: string; maxAgeSeconds: number },
  options: CookieOptions,
): void {
  response.setHeader('set-cookie', [
    `${SESSION_COOKIE}=${values.session}; ${attributes(values.maxAgeSeconds, true, options)}`,
    `${CSRF_COOKIE}=${values.csrf}; ${attributes(values.maxAgeSeconds, false, options)}`,
  ]);
}

export function clearSessionCookies(response: ServerResponse, options: CookieOptions): void {
  response.setHeader('set-cookie', [
    `${SESSION_COOKIE}=; ${attributes(0, true, options)}`,
    `${CSRF_COOKIE}=; ${attributes(0, false, options)}`,
  ]);
}
