import { z } from 'zod';

type Json = Record<string, unknown>;

/** A zod schema as JSON Schema 2020-12 (what OpenAPI 3.1 uses): what a client may send. */
export function jsonSchemaOf(schema: z.ZodType): Json {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Json;
  delete json.$schema;
  if (json.$defs !== undefined) {
    // Refs inside an inline schema would resolve against the OpenAPI document root.
    throw new Error('a documented schema must not use $defs (register it as a component instead)');
  }
  return json;
}

/** A command's HTTP body: its data plus the client's `commandId`, without the fields the path gives. */
export function commandBodyJson(data: Json, pathFields: readonly string[]): Json {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = data[key];
    if (Array.isArray(branches)) {
      return { ...data, [key]: branches.map((b) => commandBodyJson(b as Json, pathFields)) };
    }
  }
  const properties = Object.fromEntries(
    Object.entries((data.properties as Json | undefined) ?? {}).filter(
      ([name]) => !pathFields.includes(name),
    ),
  );
  const required = ((data.required as string[] | undefined) ?? []).filter((n) => !pathFields.includes(n));
  return {
    ...data,
    type: 'object',
    properties: { commandId: COMMAND_ID, ...properties },
    required: ['commandId', ...required],
  };
}

const COMMAND_ID: Json = {
  type: 'string',
  minLength: 1,
  maxLength: 128,
  pattern: '^[A-Za-z0-9_.:-]+$',
  description:
    'Chosen by the client (e.g. a UUID) and kept for retries: the same id again answers the first result and changes nothing.',
};

/** The body of every error answer. */
export const ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['kind', 'code', 'message'],
      properties: {
        kind: {
          type: 'string',
          enum: [
            'validation',
            'not-found',
            'conflict',
            'rule',
            'forbidden',
            'unauthenticated',
            'unavailable',
            'timeout',
            'internal',
          ],
        },
        code: { type: 'string', description: 'Stable machine-readable code, e.g. VALIDATION_FAILED.' },
        message: { type: 'string', description: 'For people; a validation message starts with the field.' },
        field: {
          type: 'string',
          description: 'The offending field as a dotted path (body), or the query, path or header parameter.',
        },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
};

/** What every command answers (the same again when its commandId is repeated). */
export const COMMAND_RESULT_SCHEMA: Json = {
  type: 'object',
  required: ['streamId', 'events', 'position', 'idempotent'],
  properties: {
    streamId: { type: 'string' },
    events: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'type', 'version', 'revision'],
        properties: {
          id: { type: 'string' },
          type: { type: 'string' },
          version: { type: 'integer' },
          revision: { type: 'integer' },
        },
      },
    },
    nextExpectedRevision: { oneOf: [{ type: 'integer' }, { const: 'noStream' }] },
    position: {
      type: 'integer',
      minimum: 0,
      description:
        'Read-after-write token: pass it as ?minPosition= to a query to read what the command wrote.',
    },
    idempotent: { type: 'boolean', description: 'True when the commandId had been handled before.' },
  },
};
