import { ValidationError } from '@hotline/contracts';
import type {
  AllFilter,
  Direction,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeAllOptions,
} from './event-store.port';

/** Read options with their defaults filled in; `maxCount` is Infinity when unbounded. */
export interface ResolvedReadStream {
  direction: Direction;
  fromRevision: number | undefined;
  maxCount: number;
}
export interface ResolvedReadAll {
  direction: Direction;
  fromPosition: number | undefined;
  maxCount: number;
  filter: AllFilter | undefined;
}

/** Checks the options of readStream, readAll and subscribeToAll, naming the bad field. */
export const validateReadOptions = {
  stream(options: unknown): ResolvedReadStream {
    const o = optionsObject(options);
    return {
      direction: direction(o.direction),
      fromRevision: optionalInteger(o.fromRevision, 'options.fromRevision', 0),
      maxCount: optionalInteger(o.maxCount, 'options.maxCount', 1) ?? Infinity,
    };
  },
  all(options: unknown): ResolvedReadAll {
    const o: ReadAllOptions = optionsObject(options);
    return {
      direction: direction(o.direction),
      fromPosition: optionalInteger(o.fromPosition, 'options.fromPosition', 0),
      maxCount: optionalInteger(o.maxCount, 'options.maxCount', 1) ?? Infinity,
      filter: filter(o.filter),
    };
  },
  subscribe(options: unknown): { fromPosition: number; filter: AllFilter | undefined } {
    const o: SubscribeAllOptions = optionsObject(options);
    return {
      fromPosition: optionalInteger(o.fromPosition, 'options.fromPosition', 0) ?? 0,
      filter: filter(o.filter),
    };
  },
};

function optionsObject(options: unknown): ReadStreamOptions & ReadAllOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ValidationError('options', 'must be an object');
  }
  return options;
}

function direction(value: unknown): Direction {
  if (value === undefined) return 'forwards';
  if (value === 'forwards' || value === 'backwards') return value;
  throw new ValidationError('options.direction', "must be 'forwards' or 'backwards'");
}

function optionalInteger(value: unknown, field: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new ValidationError(field, `must be an integer >= ${min}`);
  }
  return value;
}

function filter(value: unknown): AllFilter | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('options.filter', 'must be an object');
  }
  const { eventTypes, streamPrefixes } = value as AllFilter;
  const resolved: AllFilter = {};
  if (eventTypes !== undefined)
    resolved.eventTypes = nonEmptyStrings(eventTypes, 'options.filter.eventTypes');
  if (streamPrefixes !== undefined)
    resolved.streamPrefixes = nonEmptyStrings(streamPrefixes, 'options.filter.streamPrefixes');
  return resolved.eventTypes === undefined && resolved.streamPrefixes === undefined ? undefined : resolved;
}

function nonEmptyStrings(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw new ValidationError(field, 'must be a non-empty array of strings');
  value.forEach((item: unknown, i) => {
    if (typeof item !== 'string' || item.length === 0)
      throw new ValidationError(`${field}[${i}]`, 'must be a non-empty string');
  });
  return value as string[];
}
