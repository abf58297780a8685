import { HotlineError, ValidationError } from '@hotline/contracts';
import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { context, propagation, SpanKind } from '@opentelemetry/api';
import { withSpan } from '../telemetry/with-span';
import { BusHeader, BusRecord, isPlainSubject, type BusHeaders } from './bus-record';
import { decodeReply } from './rpc-reply';

export const DEFAULT_REQUEST_TIMEOUT_MS = 5_000;

/**
 * What NatsClientProxy and InProcessClientProxy share: `send(subject, payload | BusRecord)` carries
 * the active trace context and the record's headers, and rejects with a HotlineError (the handler's
 * own, or 'timeout' / 'unavailable'). A subclass only moves an encoded request and its reply.
 */
export abstract class BusClientProxy extends ClientProxy {
  protected constructor(protected readonly timeoutMs: number) {
    super();
    if (!Number.isInteger(timeoutMs) || timeoutMs <= 0)
      throw new ValidationError('timeoutMs', 'must be a positive integer');
  }

  /** Resolves to the encoded reply; rejects with a HotlineError of kind 'timeout' or 'unavailable'. */
  protected abstract request(
    subject: string,
    body: string,
    headers: BusHeaders,
    timeoutMs: number,
  ): Promise<string>;

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    let cancelled = false;
    this.roundTrip(packet).then(
      (response) => !cancelled && callback({ response, isDisposed: true }),
      (err: unknown) => !cancelled && callback({ err }),
    );
    return () => {
      cancelled = true;
    };
  }

  protected dispatchEvent(): Promise<never> {
    return Promise.reject(
      new HotlineError(
        'internal',
        'EVENTS_NOT_ON_RPC',
        'events are published through the EventPublisher, not emitted on the bus transport',
      ),
    );
  }

  private async roundTrip(packet: ReadPacket): Promise<unknown> {
    const subject: unknown = packet.pattern;
    if (typeof subject !== 'string' || !isPlainSubject(subject))
      throw new ValidationError('pattern', 'must be a subject without wildcards');
    // The client span is the parent the handler continues: the bus hop shows in the trace.
    return withSpan(
      `bus request ${subject}`,
      { 'messaging.system': 'hotline-bus', 'messaging.destination.name': subject },
      () => this.sendRecord(subject, packet),
      SpanKind.CLIENT,
    );
  }

  private async sendRecord(subject: string, packet: ReadPacket): Promise<unknown> {
    const record = packet.data instanceof BusRecord ? (packet.data as BusRecord) : new BusRecord(packet.data);
    const headers: BusHeaders = {};
    propagation.inject(context.active(), headers);
    for (const [name, value] of Object.entries(record.headers)) headers[name.toLowerCase()] = value;
    let body: string;
    try {
      body = JSON.stringify(record.data);
    } catch (error) {
      throw new ValidationError('payload', `cannot be encoded as JSON: ${(error as Error).message}`);
    }
    if (body === undefined) throw new ValidationError('payload', 'cannot be encoded as JSON');
    const timeoutMs = record.timeoutMs ?? this.timeoutMs;
    headers[BusHeader.timeoutMs] = String(timeoutMs);
    return decodeReply(await this.request(subject, body, headers, timeoutMs));
  }
}
