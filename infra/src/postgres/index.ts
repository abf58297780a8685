export { PostgresPool, type PostgresPoolOptions, type PostgresTransaction } from './postgres-pool';
export {
  parsePostgresUrl,
  describeAddress,
  type PostgresAddress,
  type PostgresHost,
} from './postgres-address';
export { isConnectionFailure, sqlState, uniqueViolation } from './postgres-errors';
