import { z } from 'zod';
import { commonConfigSchema } from '../config/common-config.schema';
import { envInt } from '../config/env-types';
import { secret } from '../config/setting-schema';
import { LOCAL_FERRETDB_URL, LOCAL_POSTGRES_HOTLINE_URL } from '../engines';

/** Settings every service shares: the engines behind the ports, chosen per run mode. */
export const platformConfigSchema = commonConfigSchema.extend({
  EVENT_STORE: z
    .enum(['sqlite', 'postgres', 'kurrentdb'])
    .default('sqlite')
    .describe(
      'Event store adapter: sqlite (a file: the embedded mode, or processes of one host sharing it in tests), postgres (the distributed default, set by the distributed runner and k8s) or kurrentdb',
    ),
  EVENT_STORE_PATH: z
    .string()
    .optional()
    .describe('SQLite event store file; default <HOTLINE_DATA_DIR>/events.db'),
  EVENT_STORE_DURABILITY: z
    .enum(['full', 'normal', 'off'])
    .default('full')
    .describe(
      'Event store durability: full fsyncs every commit (group commit keeps throughput; PostgreSQL: synchronous_commit on, so a synchronous standby has it too), normal fsyncs at checkpoints (PostgreSQL: local, not waiting for a standby)',
    ),
  POSTGRES_URL: secret(z.string())
    .default(LOCAL_POSTGRES_HOTLINE_URL)
    .describe(
      'PostgreSQL of the event store when EVENT_STORE=postgres and of the read models when READ_STORE=postgres: postgres://user:password@host:port[,host:port…]/database (several hosts: a cluster, writes go to the primary)',
    ),
  KURRENTDB_URL: secret(z.string())
    .optional()
    .describe('KurrentDB connection string, required when EVENT_STORE=kurrentdb'),
  READ_STORE: z
    .enum(['sqlite', 'memory', 'mongodb', 'postgres'])
    .optional()
    .describe(
      'Read model store: sqlite (a file, kept across restarts), memory (SQLite in memory, rebuilt at every start), mongodb or postgres (JSONB tables at POSTGRES_URL); default sqlite when embedded, postgres when distributed',
    ),
  READ_STORE_PATH: z
    .string()
    .optional()
    .describe('SQLite read model file; default <HOTLINE_DATA_DIR>/read-models.db'),
  MONGODB_URL: secret(z.string())
    .default(LOCAL_FERRETDB_URL)
    .describe('MongoDB (or FerretDB) connection string of the read models when READ_STORE=mongodb'),
  MONGODB_DB: z
    .string()
    .default('hotline')
    .describe('Database name of the read models when READ_STORE=mongodb'),
  NATS_USER: z
    .string()
    .optional()
    .describe(
      'NATS user of this service (its permissions: infra/src/bus/nats-permissions.ts); replies then come to _INBOX_<user>',
    ),
  NATS_PASSWORD: secret(z.string()).optional().describe('Password of NATS_USER'),
  NATS_TLS_CA: z
    .string()
    .optional()
    .describe('PEM file of the CA that signed the NATS servers’ certificates: the connection then uses TLS'),
  HOTLINE_COMMANDS_CONCURRENT: envInt({ min: 1, max: 10_000 })
    .default(64)
    .describe('Commands one service instance runs at once; more wait for a turn (HOTLINE_COMMANDS_QUEUED)'),
  HOTLINE_COMMANDS_QUEUED: envInt({ min: 0, max: 100_000 })
    .default(256)
    .describe(
      'Commands that may wait for a turn; beyond, a command is refused at once with 503 OVERLOADED and Retry-After, and one whose caller stopped waiting before its turn is not applied',
    ),
  HOTLINE_BUS_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9][A-Za-z0-9_-]{0,31})?$/, 'must be 1-32 characters of A-Z a-z 0-9 _ -')
    .default('')
    .describe(
      'Deployment name on a shared NATS cluster: every command, query, event and dead-letter subject becomes <prefix>.<subject> and every stream <prefix>_<stream>; empty for none',
    ),
  HOTLINE_STREAM_REPLICAS: envInt({ min: 1, max: 5 })
    .default(1)
    .describe(
      'Copies of the events and dead-letter streams in the NATS cluster (3 on a three-server cluster: a lost server loses nothing)',
    ),
  HOTLINE_EVENTS_STREAM: z
    .string()
    .default('HOTLINE_EVENTS')
    .describe('JetStream stream of the events (distributed mode)'),
  HOTLINE_DLQ_STREAM: z.string().default('HOTLINE_DLQ').describe('JetStream stream of the dead letters'),
  HOTLINE_EVENTS_SUBJECT_PREFIX: z
    .string()
    .default('hotline.evt')
    .describe('Subject prefix of events: <prefix>.<district>.<category>.<Type>'),
  HOTLINE_DLQ_SUBJECT_PREFIX: z
    .string()
    .default('hotline.dlq')
    .describe('Subject prefix of dead letters: <prefix>.<consumer>'),
  HOTLINE_REQUEST_TIMEOUT_MS: envInt({ min: 100, max: 120_000 })
    .default(5_000)
    .describe('How long a command or query over the bus may take before the caller gets a timeout'),
  HOTLINE_TRACE_EXPORTER: z
    .enum(['otlp', 'memory', 'none'])
    .optional()
    .describe(
      'Where spans go: otlp (needs OTEL_EXPORTER_OTLP_ENDPOINT), memory (tests), none; default otlp when the endpoint is set',
    ),
  HOTLINE_DEMO: z
    .enum(['auto', 'on', 'off'])
    .default('auto')
    .describe(
      'Demo data (a believable city: units, accounts of every role, articles, cases in every state) created through the same commands as real data; auto: on in embedded mode, off in distributed mode',
    ),
});

export type PlatformConfig = z.infer<typeof platformConfigSchema>;

/** Whether this process creates the demo city (idempotently) when it starts. */
export const demoDataEnabled = (config: Pick<PlatformConfig, 'HOTLINE_DEMO' | 'HOTLINE_MODE'>): boolean =>
  config.HOTLINE_DEMO === 'on' || (config.HOTLINE_DEMO === 'auto' && config.HOTLINE_MODE === 'embedded');
