/** SQLSTATE of a server error, or undefined for a client-side or network error. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The name of the unique constraint a 23505 error broke, or undefined for any other error. */
export function uniqueViolation(error: unknown): string | undefined {
  if (sqlState(error) !== '23505') return undefined;
  const constraint = (error as { constraint?: unknown }).constraint;
  return typeof constraint === 'string' ? constraint : '';
}

/** Server states that mean "this server cannot serve you now; another one (or later) may". */
const UNAVAILABLE_STATES = new Set([
  '57P01', // admin_shutdown: the server is stopping (a failover, a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '25006', // read_only_sql_transaction: this host became a replica
  '53300', // too_many_connections
  '58P01', // the data directory went away under a restore
]);

/** Node and pg client messages for a connection that failed or ended under a query. */
const CONNECTION_MESSAGES =
  /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Query read timeout|Client was closed/i;

/**
 * Whether the error says the database could not be reached or the connection was lost: the
 * caller should answer "unavailable" (503) and may retry. Anything else is a bug or a constraint.
 */
export function isConnectionFailure(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== undefined) return state.startsWith('08') || UNAVAILABLE_STATES.has(state);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true; // ECONNREFUSED, ECONNRESET, EPIPE…
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && CONNECTION_MESSAGES.test(message);
}

/** The error says the host is alive but no longer the primary: look for the new one. */
export const isReadOnlyHost = (error: unknown): boolean => sqlState(error) === '25006';
