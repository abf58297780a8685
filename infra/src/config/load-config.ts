import type { z } from 'zod';
import { ConfigError, type ConfigIssue } from './config.error';
import { isSecretName, settingInfo } from './setting-schema';

export type Env = Record<string, string | undefined>;

const MASK = '***';
/** The keys of each loaded config that hold secrets, so `describeConfig` can mask them. */
const secretKeys = new WeakMap<object, ReadonlySet<string>>();

const quote = (value: string): string => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

/**
 * Reads a service's settings from the environment, validated by one schema. Empty values count as
 * unset, so `HTTP_PORT=` falls back to the default. Every bad or missing variable is reported in one
 * ConfigError naming the variable, the reason and the service; secret values are never echoed.
 *
 * This is the only place that reads `process.env`.
 */
export function loadConfig<S extends z.ZodObject>(
  schema: S,
  env: Env = process.env,
  serviceName = 'hotline',
): Readonly<z.infer<S>> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const input: Record<string, string | undefined> = {};
  for (const name of Object.keys(shape)) {
    const value = env[name];
    input[name] = value === undefined || value.trim() === '' ? undefined : value;
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues: ConfigIssue[] = result.error.issues.map((issue) => {
      const variable = issue.path.map(String).join('.') || '(config)';
      const fieldSchema = shape[String(issue.path[0])];
      const secret = fieldSchema ? settingInfo(variable, fieldSchema).secret : isSecretName(variable);
      const raw = input[String(issue.path[0])];
      if (raw === undefined) return { variable, reason: 'is required but not set' };
      return { variable, reason: secret ? issue.message : `${issue.message} (got ${quote(raw)})` };
    });
    throw new ConfigError(serviceName, issues);
  }
  const config = Object.freeze(result.data) as Readonly<z.infer<S>>;
  const secrets = Object.keys(shape).filter((name) => settingInfo(name, shape[name] as z.ZodType).secret);
  secretKeys.set(config, new Set(secrets));
  return config;
}

/** Hides the password part of URLs such as `nats://user:pass@host:4222`. */
const maskUrlCredentials = (value: string): string => {
  try {
    const url = new URL(value);
    if (url.password === '') return value;
    url.password = MASK;
    return url.toString();
  } catch {
    return value;
  }
};

/**
 * The config as it may be logged at boot: secrets (fields marked with `secret()` or named like
 * PASSWORD/SECRET/TOKEN/KEY) become `***` and credentials inside URLs are hidden.
 */
export function describeConfig(config: object): Record<string, unknown> {
  const secrets = secretKeys.get(config);
  const described: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(config)) {
    const secret = secrets?.has(name) === true || isSecretName(name);
    if (value === undefined) described[name] = undefined;
    else if (secret) described[name] = MASK;
    else described[name] = typeof value === 'string' ? maskUrlCredentials(value) : value;
  }
  return described;
}
