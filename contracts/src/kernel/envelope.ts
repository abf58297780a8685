import { z } from 'zod';
import { Actor } from './actor';
import { ClientId, DistrictId } from './ids';

/** W3C trace context header value: version-traceid-spanid-flags. */
export const Traceparent = z.string().regex(/^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/);

/**
 * Metadata carried by every command and every event, so one trace and one audit line run from the
 * citizen's call to the department's reply.
 */
export const MessageMetadata = z.object({
  correlationId: ClientId,
  causationId: ClientId,
  actor: Actor,
  districtId: DistrictId,
  traceparent: Traceparent.optional(),
  tracestate: z.string().max(512).optional(),
  /** The command that produced an event; the key of command idempotency. */
  commandId: ClientId.optional(),
});
export type MessageMetadata = z.infer<typeof MessageMetadata>;

/** An event as the domain produced it, before the store gave it a place. */
export interface EventToAppend<T = unknown> {
  /** Globally unique; a re-append of the same id is idempotent. */
  id: string;
  type: string;
  /** Schema version of `data` for this event type. */
  version: number;
  data: T;
  metadata: MessageMetadata;
  /** When it happened, ISO 8601 with offset, from the injected clock. */
  time: string;
}

/** An event as the store holds it. */
export interface RecordedEvent<T = unknown> extends EventToAppend<T> {
  streamId: string;
  /** 0-based index within its stream. */
  revision: number;
  /** Global, strictly increasing position in the whole store; unique per event. */
  position: number;
}

/** A command as it travels over the bus: a client-supplied id makes every command idempotent. */
export interface CommandEnvelope<T = unknown> {
  commandId: string;
  type: string;
  data: T;
  metadata: Omit<MessageMetadata, 'commandId' | 'causationId'> & { causationId?: string };
}

export const CommandEnvelopeSchema = z.object({
  commandId: ClientId,
  type: z.string().min(1).max(128),
  data: z.unknown(),
  metadata: MessageMetadata.omit({ commandId: true, causationId: true }).extend({
    causationId: ClientId.optional(),
  }),
});
