import {
  ClientId,
  MessageMetadata,
  parseOrThrow,
  ValidationError,
  type RecordedEvent,
} from '@hotline/contracts';
import { z } from 'zod';
import type { ConsumeOptions } from './event-bus.port';

/** Event types are subject tokens: they end the event's NATS subject. */
const EventType = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be 1-128 characters of A-Z a-z 0-9 _ -');
const Count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A RecordedEvent as it travels on the bus; what a consumer accepts before its handler runs. */
export const RecordedEventSchema = z.object({
  id: ClientId,
  type: EventType,
  version: z.number().int().min(0),
  data: z.unknown().refine((value) => value !== undefined, 'is required'),
  metadata: MessageMetadata,
  time: z.iso.datetime({ offset: true }),
  streamId: ClientId,
  revision: Count,
  position: Count,
});

const ConsumeOptionsSchema = z.object({
  // The durable name is also a NATS consumer name and the last token of the dead-letter subject.
  durableName: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 characters of A-Z a-z 0-9 _ -'),
  filter: z
    .object({
      eventTypes: z.array(EventType).min(1).optional(),
      streamPrefixes: z
        .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'must be a stream id prefix'))
        .min(1)
        .optional(),
    })
    .optional(),
  maxDeliveries: z.number().int().min(1).max(1_000).default(5),
  ackWaitMs: z
    .number()
    .int()
    .min(100)
    .max(12 * 3_600_000)
    .default(30_000),
  validate: z
    .custom<(event: RecordedEvent) => void>((value) => typeof value === 'function', 'must be a function')
    .optional(),
});

export type ResolvedConsumeOptions = z.infer<typeof ConsumeOptionsSchema>;

/** The options with their defaults; a ValidationError names the bad field. */
export const resolveConsumeOptions = (options: ConsumeOptions): ResolvedConsumeOptions =>
  parseOrThrow(ConsumeOptionsSchema, options);

/** Decodes a bus payload; a ValidationError names what is wrong with it. */
export const decodeRecordedEvent = (payload: string): RecordedEvent => {
  let value: unknown;
  try {
    value = JSON.parse(payload) as unknown;
  } catch {
    throw new ValidationError('payload', 'is not JSON');
  }
  return parseOrThrow(RecordedEventSchema, value);
};
