import { z } from 'zod';
import { ConfigError } from './config.error';
import { commonConfigSchema } from './common-config.schema';
import { envBool, envPort } from './env-types';
import { describeConfig, loadConfig } from './load-config';
import { secret } from './setting-schema';
import { settingsMarkdown, settingsTable } from './settings-table';

const serviceSchema = commonConfigSchema.extend({
  INTAKE_DB_PASSWORD: z.string().describe('Password of the intake database'),
  INTAKE_SIGNING: secret(z.string()).optional().describe('Key material for signed links'),
  INTAKE_FEATURE_X: envBool().default(false).describe('Turns feature X on'),
});

const thrown = (fn: () => unknown): ConfigError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('applies the defaults of the common settings', () => {
    const config = loadConfig(commonConfigSchema, {}, 'intake');
    expect(config).toMatchObject({
      HOTLINE_MODE: 'embedded',
      HOTLINE_DATA_DIR: './data',
      LOG_LEVEL: 'info',
      NATS_URL: 'nats://127.0.0.1:4222',
      HTTP_PORT: 3000,
      HTTP_HOST: '0.0.0.0',
    });
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
  });

  it('parses typed values from the environment strings', () => {
    const config = loadConfig(
      serviceSchema,
      { HOTLINE_MODE: 'distributed', HTTP_PORT: '8080', INTAKE_DB_PASSWORD: 'pw', INTAKE_FEATURE_X: 'yes' },
      'intake',
    );
    expect(config.HOTLINE_MODE).toBe('distributed');
    expect(config.HTTP_PORT).toBe(8080);
    expect(config.INTAKE_FEATURE_X).toBe(true);
  });

  it('treats an empty value as unset so the default applies', () => {
    expect(loadConfig(commonConfigSchema, { HTTP_PORT: '  ' }).HTTP_PORT).toBe(3000);
  });

  it('names the variable, the reason, the value and the service of a bad value', () => {
    const error = thrown(() => loadConfig(commonConfigSchema, { HTTP_PORT: 'eighty' }, 'routing'));
    expect(error.field).toBe('HTTP_PORT');
    expect(error.message).toContain('service routing');
    expect(error.message).toContain('HTTP_PORT must be an integer (got "eighty")');
  });

  it('rejects a port out of range and a mode that does not exist, in one error', () => {
    const error = thrown(() =>
      loadConfig(commonConfigSchema, { HTTP_PORT: '70000', HOTLINE_MODE: 'cluster' }),
    );
    expect(error.issues.map((i) => i.variable).sort()).toEqual(['HOTLINE_MODE', 'HTTP_PORT']);
    expect(error.message).toContain('must be at most 65535');
  });

  it('reports a missing required variable', () => {
    const error = thrown(() => loadConfig(serviceSchema, {}, 'intake'));
    expect(error.issues).toEqual([{ variable: 'INTAKE_DB_PASSWORD', reason: 'is required but not set' }]);
  });

  it('never echoes the value of a secret in the error', () => {
    const schema = z.object({ API_TOKEN: z.string().min(20), LINK: secret(z.string().min(20)) });
    const error = thrown(() => loadConfig(schema, { API_TOKEN: 'short-token', LINK: 'short-link' }));
    expect(error.message).not.toContain('short-token');
    expect(error.message).not.toContain('short-link');
    expect(error.issues.map((i) => i.variable)).toEqual(['API_TOKEN', 'LINK']);
  });

  it('rejects a NATS URL with another scheme', () => {
    const error = thrown(() => loadConfig(commonConfigSchema, { NATS_URL: 'http://localhost:4222' }));
    expect(error.issues[0]).toMatchObject({ variable: 'NATS_URL' });
    expect(error.issues[0]?.reason).toContain('nats or tls');
  });

  it('returns a frozen config', () => {
    const config = loadConfig(commonConfigSchema, {});
    expect(Object.isFrozen(config)).toBe(true);
  });
});

describe('describeConfig', () => {
  it('masks secrets by marker and by name, and credentials inside URLs', () => {
    const config = loadConfig(serviceSchema, {
      INTAKE_DB_PASSWORD: 'hunter2',
      INTAKE_SIGNING: 'k3y',
      NATS_URL: 'nats://svc:s3cret@nats.example:4222',
    });
    const described = describeConfig(config);
    expect(described.INTAKE_DB_PASSWORD).toBe('***');
    expect(described.INTAKE_SIGNING).toBe('***');
    expect(described.NATS_URL).toBe('nats://svc:***@nats.example:4222');
    expect(described.HTTP_PORT).toBe(3000);
    expect(JSON.stringify(described)).not.toMatch(/hunter2|k3y|s3cret/);
  });

  it('masks by name even for an object that did not come from loadConfig', () => {
    expect(describeConfig({ SESSION_SECRET: 'x', PLAIN: 'y' })).toEqual({
      SESSION_SECRET: '***',
      PLAIN: 'y',
    });
  });
});

describe('settingsTable', () => {
  it('lists every setting with its default, description and secrecy', () => {
    const rows = settingsTable(serviceSchema);
    expect(rows.map((r) => r.name)).toEqual(Object.keys(serviceSchema.shape));
    expect(rows.find((r) => r.name === 'HTTP_PORT')).toMatchObject({
      default: '3000',
      required: false,
      secret: false,
    });
    expect(rows.find((r) => r.name === 'INTAKE_DB_PASSWORD')).toMatchObject({
      default: undefined,
      required: true,
      secret: true,
    });
    expect(rows.find((r) => r.name === 'INTAKE_SIGNING')).toMatchObject({
      required: false,
      secret: true,
      description: 'Key material for signed links',
    });
    expect(rows.find((r) => r.name === 'OTEL_EXPORTER_OTLP_ENDPOINT')).toMatchObject({
      default: undefined,
      required: false,
    });
  });

  it('describes every common setting', () => {
    for (const row of settingsTable(commonConfigSchema)) expect(row.description).not.toBe('');
  });

  it('renders a Markdown table', () => {
    const markdown = settingsMarkdown(
      settingsTable(z.object({ A_PORT: envPort().default(1).describe('a | b') })),
    );
    expect(markdown).toBe(
      '| setting | default | description |\n| --- | --- | --- |\n| `A_PORT` | `1` | a \\| b |\n',
    );
  });
});
