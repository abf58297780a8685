import {
  pino,
  type DestinationStream,
  type Level,
  type Logger as PinoLogger,
  type LoggerOptions as PinoOptions,
} from 'pino';
import { activeTraceIds } from './trace-context';

export type Logger = PinoLogger;
export type LogLevel = Level | 'silent';

/**
 * Personal data and credentials never reach the logs: a value under any of these keys (compared
 * case-insensitively, at any depth of plain objects and arrays) is censored. A service adds its own
 * keys or pino redact paths with the `redact` option.
 */
export const REDACTED_KEYS = [
  'phone',
  'phoneNumber',
  'callerPhone',
  'contactPhone',
  'mobile',
  'callerName',
  'citizenName',
  'contactName',
  'fullName',
  'idCardNumber',
  'email',
  'address',
  'password',
  'passcode',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'secret',
  'apiKey',
  'authorization',
  'cookie',
  'set-cookie',
];

const CENSOR = '[redacted]';
const MAX_DEPTH = 12;

/** Copies plain objects and arrays with censored values; leaves other objects (errors, dates) to pino. */
function censor(value: unknown, keys: ReadonlySet<string>, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => censor(item, keys, depth + 1));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    copy[key] = keys.has(key.toLowerCase()) ? CENSOR : censor(member, keys, depth + 1);
  }
  return copy;
}

export interface LoggerOptions {
  service: string;
  level?: LogLevel;
  /** Where JSON lines go; stdout by default. Tests pass a stream to read the lines back. */
  destination?: DestinationStream;
  /** Extra keys (any depth) or dotted paths (pino redact syntax, e.g. `answer.text`) to censor. */
  redact?: string[];
}

/**
 * JSON lines with `service`, ISO `time`, the level as a word, and the `trace_id`/`span_id` of the
 * active span, so a log line leads to its trace. Components log through `logger.child({ component })`.
 */
export function createLogger(options: LoggerOptions): Logger {
  const extra = options.redact ?? [];
  const isPath = (entry: string): boolean => /[.[*]/.test(entry);
  const topLevel = [...REDACTED_KEYS, ...extra.filter((k) => !isPath(k))];
  const keys = new Set(topLevel.map((k) => k.toLowerCase()));
  // Child bindings skip pino's log formatter but not its redact paths: top-level keys are listed too.
  const paths = topLevel.map((k) => (/^[a-z_$][\w$]*$/i.test(k) ? k : `["${k}"]`));
  paths.push(...extra.filter(isPath));
  const settings: PinoOptions = {
    level: options.level ?? 'info',
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label: string) => ({ level: label }),
      log: (object) => censor(object, keys, 0) as Record<string, unknown>,
    },
    mixin: () => activeTraceIds() ?? {},
    redact: { paths, censor: CENSOR },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
