import { z } from 'zod';
import { envInt, envPort, envUrl } from './env-types';

/** Settings every service reads; a service's own schema extends this one. */
export const commonConfigSchema = z.object({
  HOTLINE_MODE: z
    .enum(['embedded', 'distributed'])
    .default('embedded')
    .describe(
      'embedded: every service in one process on SQLite (events and read models); distributed: a process per service on NATS, read models in PostgreSQL',
    ),
  HOTLINE_DATA_DIR: z
    .string()
    .default('./data')
    .describe('Directory of the SQLite event store and other local state'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Lowest level of the JSON log lines written to stdout'),
  NATS_URL: envUrl(['nats', 'tls'])
    .default('nats://127.0.0.1:4222')
    .describe('NATS server(s) of the bus in distributed mode; credentials in the URL are masked in logs'),
  OTEL_EXPORTER_OTLP_ENDPOINT: envUrl(['http', 'https'])
    .optional()
    .describe('OTLP/HTTP collector base URL (traces go to <url>/v1/traces); unset: traces are not exported'),
  HTTP_PORT: envPort()
    .default(3000)
    .describe('TCP port of the HTTP server (health, metrics, API); 0 picks a free port'),
  HTTP_HOST: z.string().default('0.0.0.0').describe('Address the HTTP server binds to'),
  HOTLINE_SHUTDOWN_DELAY_MS: envInt({ min: 0, max: 60_000 })
    .default(0)
    .describe('On SIGTERM, how long /health/ready answers 503 before the service stops accepting requests'),
  HOTLINE_SHUTDOWN_TIMEOUT_MS: envInt({ min: 1, max: 600_000 })
    .default(25_000)
    .describe('Longest a graceful shutdown may take before the process exits with status 1'),
});

export type CommonConfig = z.infer<typeof commonConfigSchema>;
