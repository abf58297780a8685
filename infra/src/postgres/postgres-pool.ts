import { ValidationError } from '@hotline/contracts';
import { Client, Pool, type ClientConfig, type PoolClient, type QueryResultRow } from 'pg';
import {
  describeAddress,
  parsePostgresUrl,
  type PostgresAddress,
  type PostgresHost,
} from './postgres-address';
import { isConnectionFailure } from './postgres-errors';

export interface PostgresPoolOptions {
  /** `postgres://user:password@host:port[,host:port…]/database`; several hosts = find the primary. */
  url: string;
  /** Connections kept at most. Default 10. */
  max?: number;
  /** Shown in `pg_stat_activity`. */
  applicationName?: string;
  /** Session settings sent when a connection opens, e.g. `{ synchronous_commit: 'on' }`. */
  settings?: Record<string, string>;
  /** How long to wait for a connection (and, per host, to find the primary). Default 5000 ms. */
  connectTimeoutMs?: number;
}

/** One transaction's connection: plain queries, rows as objects. */
export interface PostgresTransaction {
  query<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]>;
}

const SETTING_NAME = /^[a-z_]+$/;

/**
 * A connection pool to the primary of a PostgreSQL server or cluster. With several hosts it asks
 * each in turn whether it is in recovery (`pg_is_in_recovery()`, as libpq's
 * `target_session_attrs=read-write` does) and pools connections to the first that is not. A lost
 * connection or a host that turned read-only drops the pool, so the next call looks again: after
 * a failover the first calls fail (the caller answers 503) and the following ones reach the new
 * primary.
 */
export class PostgresPool {
  private current: Pool | undefined;
  private discovering: Promise<Pool> | undefined;
  private closed = false;

  private constructor(
    readonly address: PostgresAddress,
    private readonly options: Required<Omit<PostgresPoolOptions, 'url'>>,
  ) {}

  static open(options: PostgresPoolOptions): PostgresPool {
    if (typeof options !== 'object' || options === null)
      throw new ValidationError('options', 'must be an object');
    const address = parsePostgresUrl(options.url, 'options.url');
    const { max = 10, applicationName = 'hotline', settings = {}, connectTimeoutMs = 5000 } = options;
    if (!Number.isSafeInteger(max) || max < 1)
      throw new ValidationError('options.max', 'must be an integer >= 1');
    if (!Number.isSafeInteger(connectTimeoutMs) || connectTimeoutMs < 1) {
      throw new ValidationError('options.connectTimeoutMs', 'must be an integer >= 1');
    }
    for (const [name, value] of Object.entries(settings)) {
      if (!SETTING_NAME.test(name) || !/^[\w.]+$/.test(value)) {
        throw new ValidationError(`options.settings.${name}`, 'must be a setting name and a plain value');
      }
    }
    return new PostgresPool(address, { max, applicationName, settings, connectTimeoutMs });
  }

  /** The address with the password masked, for logs and errors. */
  describe(): string {
    return describeAddress(this.address);
  }

  async query<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<R[]> {
    const pool = await this.primary();
    try {
      return (await pool.query<R>(sql, params)).rows;
    } catch (error) {
      this.forget(pool, error);
      throw error;
    }
  }

  /**
   * Runs `work` between BEGIN and COMMIT; any throw rolls back. A lost COMMIT leaves the outcome in doubt.
   * `snapshot`: a read-only transaction whose statements all see the database as the first one did
   * (REPEATABLE READ), for reads made of several statements that must agree.
   */
  async transaction<T>(
    work: (tx: PostgresTransaction) => Promise<T>,
    options: { snapshot?: boolean } = {},
  ): Promise<T> {
    const pool = await this.primary();
    let client: PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      this.forget(pool, error);
      throw error;
    }
    let broken: Error | undefined;
    // A checked-out client reports a dropped connection as an 'error' event too; the query fails anyway.
    const ignore = () => undefined;
    client.on('error', ignore);
    try {
      await client.query(options.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      const result = await work({
        query: async <R extends QueryResultRow>(sql: string, params?: unknown[]) =>
          (await client.query<R>(sql, params)).rows,
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isConnectionFailure(error)) {
        broken = error instanceof Error ? error : new Error(String(error));
        this.forget(pool, error);
      } else {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
      }
      throw error;
    } finally {
      client.off('error', ignore);
      // A client released with an error is destroyed rather than reused.
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const pool = this.current ?? (await this.discovering?.catch(() => undefined));
    this.current = undefined;
    await pool?.end();
  }

  private primary(): Promise<Pool> {
    if (this.closed) return Promise.reject(new PoolClosed());
    if (this.current !== undefined) return Promise.resolve(this.current);
    this.discovering ??= this.discover().finally(() => {
      this.discovering = undefined;
    });
    return this.discovering;
  }

  private async discover(): Promise<Pool> {
    const { hosts } = this.address;
    const found = hosts.length === 1 ? hosts[0] : await this.findPrimary(hosts);
    const pool = new Pool({
      ...this.clientConfig(found as PostgresHost),
      max: this.options.max,
      idleTimeoutMillis: 30_000,
    });
    // An idle connection that breaks is dropped by the pool; without a listener it would crash the process.
    pool.on('error', () => undefined);
    if (this.closed) {
      await pool.end();
      throw new PoolClosed();
    }
    this.current = pool;
    return pool;
  }

  private async findPrimary(hosts: PostgresHost[]): Promise<PostgresHost> {
    const answers: string[] = [];
    for (const host of hosts) {
      const client = new Client(this.clientConfig(host));
      client.on('error', () => undefined);
      try {
        await client.connect();
        const { rows } = await client.query<{ replica: boolean }>('SELECT pg_is_in_recovery() AS replica');
        if (rows[0]?.replica === false) return host;
        answers.push(`${host.host}:${host.port} is a replica`);
      } catch (error) {
        answers.push(`${host.host}:${host.port} ${(error as Error).message}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    throw new NoPrimary(answers.join('; '));
  }

  /** Drops the pool after a connection failure, so that the next call finds the primary again. */
  private forget(pool: Pool, error: unknown): void {
    if (this.address.hosts.length === 1 || !isConnectionFailure(error) || this.current !== pool) return;
    this.current = undefined;
    void pool.end().catch(() => undefined);
  }

  private clientConfig(host: PostgresHost): ClientConfig {
    const settings = Object.entries(this.options.settings).map(([name, value]) => `-c ${name}=${value}`);
    return {
      host: host.host,
      port: host.port,
      database: this.address.database,
      user: this.address.user,
      password: this.address.password,
      application_name: this.options.applicationName,
      connectionTimeoutMillis: this.options.connectTimeoutMs,
      keepAlive: true,
      ...(settings.length > 0 ? { options: settings.join(' ') } : {}),
    };
  }
}

/** No listed host accepts writes (all down, or all replicas mid-failover). A connection failure. */
class NoPrimary extends Error {
  readonly code = 'ENOPRIMARY';
  constructor(answers: string) {
    super(`no PostgreSQL host accepts writes: ${answers}`);
  }
}

class PoolClosed extends Error {
  readonly code = 'ECLOSED';
  constructor() {
    super('Client was closed: the PostgreSQL pool is closed');
  }
}
