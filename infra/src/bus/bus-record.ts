import type { MessageMetadata } from '@hotline/contracts';

/** Header names the bus carries on requests and on published events (NATS headers, lower-case). */
export const BusHeader = {
  traceparent: 'traceparent',
  tracestate: 'tracestate',
  correlationId: 'hotline-correlation-id',
  /** How long the caller waits for the reply (ms): a command still waiting for its turn after that is not run. */
  timeoutMs: 'hotline-timeout-ms',
} as const;

export type BusHeaders = Record<string, string>;

const SUBJECT = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

/** A NATS subject of plain tokens: no wildcards, no spaces. */
export const isPlainSubject = (value: string): boolean => SUBJECT.test(value);

/** The trace and correlation headers of a message, from its metadata. */
export const messageHeaders = (
  metadata: Pick<MessageMetadata, 'correlationId' | 'traceparent' | 'tracestate'>,
): BusHeaders => ({
  [BusHeader.correlationId]: metadata.correlationId,
  ...(metadata.traceparent !== undefined ? { [BusHeader.traceparent]: metadata.traceparent } : {}),
  ...(metadata.tracestate !== undefined ? { [BusHeader.tracestate]: metadata.tracestate } : {}),
});

/**
 * A request payload with headers and, optionally, its own timeout:
 * `client.send(subject, new BusRecord(payload, messageHeaders(metadata)))`.
 * A plain payload is sent with the caller's active trace context only.
 */
export class BusRecord<T = unknown> {
  constructor(
    readonly data: T,
    readonly headers: BusHeaders = {},
    readonly timeoutMs?: number,
  ) {}
}
