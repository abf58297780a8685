// PostgreSQL for the distributed mode and the tests: the machine's own server (Debian's postgresql
// package), reused, never started or stopped here. `ensurePostgres` checks that it answers and
// creates the database of a local distributed run when missing.
import pg from 'pg';

/**
 * @param {string} url postgres://user@host:port/database (the database is created when missing)
 * @returns {Promise<{ engine: string, url: string, state: string }>}
 */
export async function ensurePostgres(url) {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `engines: PostgreSQL does not answer at ${target.host} (${error.message}); install and start it ` +
        '(apt-get install postgresql; trust or password auth for this user) or set POSTGRES_URL',
    );
  }
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`).catch((error) => {
        // Another run created it in between.
        if (error.code !== '42P04') throw error;
      });
      return { engine: 'postgres', url: redact(target), state: 'created' };
    }
    return { engine: 'postgres', url: redact(target), state: 'reused' };
  } finally {
    await client.end();
  }
}

function redact(url) {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href;
}
