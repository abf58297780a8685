import { z } from 'zod';
import type { MessageRegistry } from './registry';
import { DLQ_STREAM, EVENTS_STREAM, commandSubject, querySubject } from './subjects';
import { MessageMetadata } from '../kernel/envelope';

type Json = Record<string, unknown>;

const schemaOf = (schema: z.ZodType): Json => {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Json;
  delete json.$schema;
  return json;
};

const recordedEventSchema = (type: string, version: number, data: Json): Json => ({
  type: 'object',
  required: ['id', 'type', 'version', 'streamId', 'revision', 'position', 'time', 'data', 'metadata'],
  properties: {
    id: { type: 'string', description: 'Event id; also the Nats-Msg-Id header, so a republish is dropped.' },
    type: { const: type },
    version: {
      const: version,
      description: 'Schema version of data; older versions are upcast by consumers.',
    },
    streamId: { type: 'string' },
    revision: { type: 'integer', minimum: 0 },
    position: { type: 'integer', minimum: 1, description: 'Global position in the event store.' },
    time: { type: 'string', format: 'date-time' },
    data,
    metadata: { $ref: '#/components/schemas/MessageMetadata' },
  },
});

/**
 * The AsyncAPI 3 document of the platform's NATS surface, generated from the message registry.
 * CI regenerates it and fails when docs/asyncapi.json differs (contract drift).
 */
export function buildAsyncApi(registry: MessageRegistry, version: string): Json {
  const channels: Json = {};
  const operations: Json = {};
  const messages: Json = {};

  for (const def of registry.allEvents()) {
    const channelId = `event.${def.type}`;
    const messageId = def.type;
    messages[messageId] = {
      name: def.type,
      title: `${def.type} v${def.version}`,
      summary: def.summary,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/EventHeaders' },
      payload: recordedEventSchema(def.type, def.version, schemaOf(def.schema)),
    };
    channels[channelId] = {
      address: `hotline.evt.{districtId}.${def.category}.${def.type}`,
      description: `JetStream stream ${EVENTS_STREAM}.`,
      parameters: { districtId: { description: 'Tenant district of the event (`city` for city-wide).' } },
      messages: { [messageId]: { $ref: `#/components/messages/${messageId}` } },
    };
    operations[`publish${def.type}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      summary: `The relay publishes ${def.type} after it is appended to the event store.`,
    };
  }

  for (const def of [...registry.allCommands(), ...registry.allQueries()]) {
    const isCommand = def.kind === 'command';
    const channelId = `${def.kind}.${def.type}`;
    const replyId = `${def.type}Reply`;
    messages[def.type] = {
      name: def.type,
      summary: def.summary,
      contentType: 'application/json',
      headers: { $ref: '#/components/schemas/EventHeaders' },
      payload: isCommand
        ? {
            type: 'object',
            required: ['commandId', 'type', 'data', 'metadata'],
            properties: {
              commandId: {
                type: 'string',
                description: 'Client-supplied; a repeat returns the first result.',
              },
              type: { const: def.type },
              data: schemaOf(def.schema),
              metadata: { $ref: '#/components/schemas/MessageMetadata' },
            },
          }
        : schemaOf(def.schema),
    };
    messages[replyId] = {
      name: replyId,
      contentType: 'application/json',
      payload: { $ref: '#/components/schemas/Reply' },
    };
    channels[channelId] = {
      address: isCommand ? commandSubject(def.service, def.type) : querySubject(def.service, def.type),
      description: `Request/reply, queue group ${def.service}.`,
      messages: {
        [def.type]: { $ref: `#/components/messages/${def.type}` },
        [replyId]: { $ref: `#/components/messages/${replyId}` },
      },
    };
    operations[`handle${def.type}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channelId}` },
      summary: def.summary,
      reply: { messages: [{ $ref: `#/channels/${channelId}/messages/${replyId}` }] },
    };
  }

  channels['deadLetters'] = {
    address: 'hotline.dlq.{consumer}',
    description: `JetStream stream ${DLQ_STREAM}: events a consumer could not process, with the reason in headers.`,
    parameters: { consumer: { description: 'Durable name of the consumer that gave up.' } },
    messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
  };
  messages['DeadLetter'] = {
    name: 'DeadLetter',
    summary:
      'The original message with headers hotline-dlq-reason, hotline-dlq-consumer, hotline-dlq-delivery-count, hotline-dlq-source-subject.',
    contentType: 'application/json',
  };

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Hotline events and commands',
      version,
      description:
        'The NATS integration surface of the Hotline 12345 platform. Events are at-least-once: consumers ' +
        'deduplicate by event id (or by position). Every message carries correlation, causation, actor, ' +
        'district and W3C trace context.',
    },
    defaultContentType: 'application/json',
    servers: { nats: { host: 'nats:4222', protocol: 'nats', description: 'The platform NATS cluster.' } },
    channels,
    operations,
    components: {
      messages,
      schemas: {
        MessageMetadata: schemaOf(MessageMetadata),
        EventHeaders: {
          type: 'object',
          properties: {
            'Nats-Msg-Id': { type: 'string' },
            traceparent: { type: 'string' },
            tracestate: { type: 'string' },
            'Hotline-Correlation-Id': { type: 'string' },
          },
        },
        Reply: {
          oneOf: [
            {
              type: 'object',
              required: ['ok'],
              properties: {
                ok: { const: true },
                response: { description: 'The handler result; null when it returned nothing.' },
              },
            },
            {
              type: 'object',
              required: ['ok', 'error'],
              properties: {
                ok: { const: false },
                error: {
                  type: 'object',
                  required: ['kind', 'code', 'message'],
                  properties: {
                    kind: { type: 'string' },
                    code: { type: 'string' },
                    message: { type: 'string' },
                    field: { type: 'string' },
                  },
                },
              },
            },
          ],
        },
      },
    },
  };
}
