import type { AttachmentRef } from '@hotline/contracts';
import { ApiError } from './api-error';

export { ApiError } from './api-error';

/** An uploaded file as the gateway answers it: the reference commands carry, plus its digest. */
export type UploadedAttachment = AttachmentRef & { sha256?: string };

export type QueryValue = string | number | boolean | undefined | null;

const CSRF_COOKIE = 'hotline_csrf';

/** The double-submit token: the readable cookie, or the one the last sign-in answered. */
let csrfFallback: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  csrfFallback = token;
}

function csrfToken(): string | undefined {
  const match = document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${CSRF_COOKIE}=`));
  return match !== undefined ? decodeURIComponent(match.slice(CSRF_COOKIE.length + 1)) : csrfFallback;
}

/** A fresh id for the `commandId` every command body needs, so a retried request is applied once. */
export function newCommandId(): string {
  return crypto.randomUUID();
}

function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (query === undefined) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${text}`;
}

export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const outer = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  // The gateway nests its error body (`{ error: { kind, code, message, field? } }`); accept both forms.
  const fields = (typeof outer.error === 'object' && outer.error !== null ? outer.error : outer) as Record<
    string,
    unknown
  >;
  const text = (key: string): string | undefined =>
    typeof fields[key] === 'string' ? fields[key] : undefined;
  const message = text('message') ?? (response.statusText || `HTTP ${response.status}`);
  return new ApiError(response.status, text('code') ?? `http.${response.status}`, message, text('field'));
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'include', ...init });
  } catch (error) {
    throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

function stateChangingHeaders(json: boolean): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (json) headers['content-type'] = 'application/json';
  const token = csrfToken();
  if (token !== undefined) headers['x-csrf-token'] = token;
  return headers;
}

export function apiGet<T>(path: string, query?: Record<string, QueryValue>): Promise<T> {
  return send<T>(withQuery(path, query), { method: 'GET', headers: { accept: 'application/json' } });
}

export function apiPost<T>(path: string, body?: unknown): Promise<T> {
  return send<T>(path, {
    method: 'POST',
    headers: stateChangingHeaders(body !== undefined),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

/** A PUT of a whole resource (the routing settings' queues and profiles). */
export function apiPut<T>(path: string, body: unknown): Promise<T> {
  return send<T>(path, { method: 'PUT', headers: stateChangingHeaders(true), body: JSON.stringify(body) });
}

/** Uploads one file (`POST /api/attachments`, field `file`); the answer is what commands reference. */
export function apiUpload(file: File | Blob, name?: string): Promise<UploadedAttachment> {
  const form = new FormData();
  form.append('file', file, name ?? (file instanceof File ? file.name : 'file'));
  return send<UploadedAttachment>('/api/attachments', {
    method: 'POST',
    headers: stateChangingHeaders(false),
    body: form,
  });
}

/** The reference a command carries (the contract's `AttachmentRef`, without the digest). */
export function attachmentRef(uploaded: UploadedAttachment): AttachmentRef {
  const { id, name, mediaType, sizeBytes } = uploaded;
  return { id, name, mediaType, sizeBytes };
}
