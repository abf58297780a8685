import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { LOCAL_POSTGRES_URL } from '../../engines';
import { parsePostgresUrl } from '../postgres-address';

export interface TemporaryDatabase {
  /** The URL of the new, empty database. */
  url: string;
  name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * Creates an empty database with a unique name on the test server (`POSTGRES_URL`, set by Jest's
 * global setup, or the machine's PostgreSQL), so that runs sharing the server never meet.
 */
export async function createTemporaryDatabase(
  purpose: string,
  serverUrl = process.env.POSTGRES_URL ?? LOCAL_POSTGRES_URL,
): Promise<TemporaryDatabase> {
  const name = `hotline_${purpose.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomUUID().slice(0, 8)}`;
  await administer(serverUrl, `CREATE DATABASE ${name}`);
  const url = serverUrl.replace(/\/[^/?]*(\?.*)?$/, `/${name}`);
  return { url, name, drop: () => administer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function administer(serverUrl: string, sql: string): Promise<void> {
  const address = parsePostgresUrl(serverUrl);
  const host = address.hosts[0]!;
  const client = new Client({
    host: host.host,
    port: host.port,
    user: address.user,
    password: address.password,
    database: address.database,
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
