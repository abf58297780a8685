import { ValidationError } from '@hotline/contracts';

export interface PostgresHost {
  host: string;
  port: number;
}

/** A parsed `postgres://user:password@host1:port1,host2:port2/database` address. */
export interface PostgresAddress {
  hosts: PostgresHost[];
  database: string;
  user: string;
  password: string | undefined;
}

const DEFAULT_PORT = 5432;

/**
 * Parses a PostgreSQL URL that may list several hosts, as libpq does
 * (`postgres://app@10.0.0.1:5432,10.0.0.2:5432/hotline`). Several hosts mean a cluster: the
 * client writes to the one that is not in recovery (libpq's `target_session_attrs=read-write`).
 * Query parameters are ignored: the adapters set what they need themselves.
 */
export function parsePostgresUrl(url: string, field = 'url'): PostgresAddress {
  if (typeof url !== 'string' || url.length === 0)
    throw new ValidationError(field, 'must be a non-empty string');
  const match = /^postgres(?:ql)?:\/\/(?:([^:@/]*)(?::([^@/]*))?@)?([^/?]+)(?:\/([^?]*))?(?:\?.*)?$/.exec(
    url,
  );
  if (match === null)
    throw new ValidationError(field, 'must look like postgres://user@host:port,host:port/database');
  const [, user, password, hostList, database] = match;
  const hosts = (hostList ?? '').split(',').map((entry) => parseHost(entry, field));
  return {
    hosts,
    database: decodeURIComponent(database || 'postgres'),
    user: decodeURIComponent(user || 'postgres'),
    password: password === undefined ? undefined : decodeURIComponent(password),
  };
}

/** The same address with another database, e.g. for an administrative connection. */
export function withDatabase(address: PostgresAddress, database: string): PostgresAddress {
  return { ...address, database };
}

/** The URL of an address, the password masked: safe for logs. */
export function describeAddress(address: PostgresAddress): string {
  const hosts = address.hosts.map((h) => `${h.host}:${h.port}`).join(',');
  const secret = address.password === undefined ? '' : ':***';
  return `postgres://${address.user}${secret}@${hosts}/${address.database}`;
}

function parseHost(entry: string, field: string): PostgresHost {
  const match = /^([^:]+)(?::(\d+))?$/.exec(entry);
  const port = Number(match?.[2] ?? DEFAULT_PORT);
  if (match === null || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ValidationError(field, `has a bad host "${entry}" (host or host:port)`);
  }
  return { host: match[1] as string, port };
}
