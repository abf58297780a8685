import { ClientId, MessageMetadata, ValidationError, parseOrThrow } from '@hotline/contracts';
import type { ExpectedRevision } from './event-store.port';

/** An event that passed validation, with its JSON already produced once for the adapter to store. */
export interface ValidatedEvent {
  id: string;
  type: string;
  version: number;
  time: string;
  data: unknown;
  metadata: MessageMetadata;
  dataJson: string;
  metadataJson: string;
}

/** Large enough for any decision, small enough to stay under KurrentDB's default append size. */
export const MAX_EVENTS_PER_APPEND = 10_000;
const MAX_NAME_LENGTH = 256;
const MAX_JSON_DEPTH = 64;
const FORBIDDEN_NAME_CHARS = /[\s\u0000-\u001f\u007f]/;
const ISO_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function validateStreamId(streamId: unknown, field = 'streamId'): asserts streamId is string {
  if (typeof streamId !== 'string') throw new ValidationError(field, 'must be a string');
  if (streamId.length === 0) throw new ValidationError(field, 'must not be empty');
  if (streamId.length > MAX_NAME_LENGTH)
    throw new ValidationError(field, `must be at most ${MAX_NAME_LENGTH} characters`);
  // KurrentDB reserves `$`-prefixed streams for itself; refusing them keeps both adapters alike.
  if (streamId.startsWith('$')) throw new ValidationError(field, 'must not start with $ (reserved)');
  if (FORBIDDEN_NAME_CHARS.test(streamId))
    throw new ValidationError(field, 'must not contain whitespace or control characters');
}

export function validateExpected(
  expected: unknown,
  field = 'expected',
): asserts expected is ExpectedRevision {
  if (expected === 'any' || expected === 'noStream' || expected === 'streamExists') return;
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return;
  throw new ValidationError(field, "must be 'any', 'noStream', 'streamExists' or a revision (integer >= 0)");
}

/**
 * Checks an append's arguments and serialises each event once. Throws a ValidationError naming the
 * first bad field (`streamId`, `expected`, `events[2].type`, `events[0].data.when`, ...).
 */
export function validateAppend(streamId: unknown, events: unknown, expected: unknown): ValidatedEvent[] {
  validateStreamId(streamId);
  validateExpected(expected);
  if (!Array.isArray(events)) throw new ValidationError('events', 'must be an array');
  if (events.length === 0) throw new ValidationError('events', 'must contain at least one event');
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new ValidationError('events', `must contain at most ${MAX_EVENTS_PER_APPEND} events`);
  }
  const seen = new Map<string, number>();
  const metadataCache: MetadataCache = { raw: undefined, parsed: undefined, json: '' };
  return events.map((event: unknown, i) => {
    const validated = validateEvent(event, `events[${i}]`, metadataCache);
    const earlier = seen.get(validated.id);
    if (earlier !== undefined)
      throw new ValidationError(`events[${i}].id`, `duplicates events[${earlier}].id`);
    seen.set(validated.id, i);
    return validated;
  });
}

/** The events of one decision usually share one metadata object: check and serialise it once. */
interface MetadataCache {
  raw: unknown;
  parsed: MessageMetadata | undefined;
  json: string;
}

function validateEvent(event: unknown, at: string, cache: MetadataCache): ValidatedEvent {
  if (typeof event !== 'object' || event === null || Array.isArray(event)) {
    throw new ValidationError(at, 'must be an object');
  }
  const { id, type, version, time, data, metadata } = event as Record<string, unknown>;
  if (typeof id !== 'string' || !ClientId.safeParse(id).success) {
    throw new ValidationError(
      `${at}.id`,
      'must be 1-128 characters of A-Z a-z 0-9 _ . : - starting with a letter or digit',
    );
  }
  if (
    typeof type !== 'string' ||
    type.length === 0 ||
    type.length > MAX_NAME_LENGTH ||
    FORBIDDEN_NAME_CHARS.test(type)
  ) {
    throw new ValidationError(
      `${at}.type`,
      `must be a non-empty string of at most ${MAX_NAME_LENGTH} characters without whitespace`,
    );
  }
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw new ValidationError(`${at}.version`, 'must be an integer >= 1');
  }
  if (typeof time !== 'string' || !ISO_TIME_WITH_OFFSET.test(time) || Number.isNaN(Date.parse(time))) {
    throw new ValidationError(`${at}.time`, 'must be an ISO 8601 date-time with an offset');
  }
  if (data === undefined) throw new ValidationError(`${at}.data`, 'is required (use null or {} for no data)');
  assertJson(data, `${at}.data`, 0);
  if (cache.parsed === undefined || cache.raw !== metadata) {
    cache.parsed = parseOrThrow(MessageMetadata, metadata, `${at}.metadata`);
    cache.raw = metadata;
    cache.json = JSON.stringify(cache.parsed);
  }
  return {
    id,
    type,
    version,
    time,
    data,
    metadata: cache.parsed,
    dataJson: JSON.stringify(data),
    metadataJson: cache.json,
  };
}

/**
 * Refuses anything that would not come back from the store as it went in: functions, symbols,
 * bigints, NaN/Infinity, class instances (Date, Map, ...) and cycles. Undefined object members are
 * allowed because JSON drops them and optional fields read back as absent.
 */
function assertJson(value: unknown, at: string, depth: number): void {
  const kind = typeof value;
  switch (kind) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new ValidationError(at, 'must be a finite number');
      return;
    case 'object':
      break;
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new ValidationError(at, `is not JSON-serialisable (${kind})`);
    default: {
      const unexpected: never = kind;
      throw new ValidationError(at, `is not JSON-serialisable (${String(unexpected)})`);
    }
  }
  if (value === null) return;
  if (depth >= MAX_JSON_DEPTH)
    throw new ValidationError(at, `is nested deeper than ${MAX_JSON_DEPTH} levels (or circular)`);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) assertJson(value[i], `${at}[${i}]`, depth + 1);
    return;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new ValidationError(
      at,
      `must be a plain object, not ${(value as object).constructor?.name ?? 'an instance'}`,
    );
  }
  for (const key in value) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) assertJson(member, `${at}.${key}`, depth + 1);
  }
}
