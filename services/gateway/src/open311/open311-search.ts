import { CategoryCode, ValidationError, type CaseStatus } from '@hotline/contracts';
import { CLOSED_STATUSES, OPEN_STATUSES } from './open311-request-view';

type Params = Record<string, unknown>;

/** The longest span a search may cover, and the default span ending now (the specification's 90 days). */
export const MAX_SPAN_DAYS = 90;
/** At most this many requests per answer (the newest first): the size of one page of cases. */
export const MAX_REQUESTS = 100;
/** At most this many ids or codes in one search, each one a query of the case list. */
export const MAX_LISTED = 20;
const DAY_MS = 86_400_000;

const one = (params: Params, name: string): string | undefined => {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new ValidationError(name, 'must be given once');
  return value;
};

const listOf = (params: Params, name: string): string[] | undefined => {
  const value = one(params, name);
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (items.length > MAX_LISTED) throw new ValidationError(name, `at most ${MAX_LISTED} values`);
  return items;
};

/** An instant with its offset (w3c ISO 8601, as the specification requires). */
function instant(params: Params, name: string): Date | undefined {
  const value = one(params, name);
  if (value === undefined) return undefined;
  const parsed = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
    ? new Date(value)
    : undefined;
  if (!parsed || Number.isNaN(parsed.getTime()))
    throw new ValidationError(
      name,
      'must be a date and time with its offset, e.g. 2026-12-01T08:00:00+08:00',
    );
  return parsed;
}

export type Open311Search =
  | { kind: 'ids'; caseNumbers: string[] }
  | {
      kind: 'filter';
      categoryCodes: string[] | undefined;
      status: CaseStatus[] | undefined;
      registeredFrom: string;
      registeredTo: string;
    };

/**
 * `GET requests`: by `service_request_id` (case numbers; then every other parameter is ignored, as
 * the specification says), else by `service_code`, `status` (open, closed) and `start_date` /
 * `end_date`, which may span 90 days at most and default to the 90 days up to now.
 */
export function open311Search(params: Params, now: Date): Open311Search {
  const ids = listOf(params, 'service_request_id');
  if (ids !== undefined) {
    for (const id of ids)
      if (!/^\d{7,12}$/.test(id))
        throw new ValidationError('service_request_id', 'must be case numbers (8 digits), comma-separated');
    return { kind: 'ids', caseNumbers: [...new Set(ids)] };
  }
  const codes = listOf(params, 'service_code');
  for (const code of codes ?? [])
    if (!CategoryCode.safeParse(code).success)
      throw new ValidationError('service_code', 'must be 6-digit service codes, comma-separated');
  const states = listOf(params, 'status');
  for (const state of states ?? [])
    if (state !== 'open' && state !== 'closed')
      throw new ValidationError('status', 'must be open, closed or both');
  const wanted = new Set(states);
  const status =
    states === undefined || wanted.size === 2
      ? undefined
      : wanted.has('open')
        ? OPEN_STATUSES
        : CLOSED_STATUSES;
  const start = instant(params, 'start_date');
  const end = instant(params, 'end_date');
  const to = end ?? (start ? new Date(start.getTime() + MAX_SPAN_DAYS * DAY_MS) : now);
  const from = start ?? new Date(to.getTime() - MAX_SPAN_DAYS * DAY_MS);
  if (from.getTime() > to.getTime()) throw new ValidationError('end_date', 'must not be before start_date');
  if (to.getTime() - from.getTime() > MAX_SPAN_DAYS * DAY_MS)
    throw new ValidationError('end_date', `the range may span ${MAX_SPAN_DAYS} days at most`);
  return {
    kind: 'filter',
    categoryCodes: codes?.length ? [...new Set(codes)] : undefined,
    status,
    registeredFrom: from.toISOString(),
    registeredTo: to.toISOString(),
  };
}
