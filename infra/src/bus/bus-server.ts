import { ValidationError } from '@hotline/contracts';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { context, propagation, ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { withSpan } from '../telemetry/with-span';
import { lastValueFrom } from 'rxjs';
import { noResponders, toErrorBody } from './bus-errors';
import { BusContext } from './bus-context';
import { CommandAdmission, type CommandAdmissionLimits } from './command-admission';
import { BusHeader, isPlainSubject, type BusHeaders } from './bus-record';
import { encodeFailure, encodeSuccess } from './rpc-reply';

/**
 * What NatsTransport and InProcessTransport share, so that both modes answer alike: decoding, the
 * handler call inside the caller's trace context, typed error replies and draining on close.
 * A subclass only subscribes to `subjects()` and passes each request to `dispatch`.
 */
export abstract class BusServer extends Server implements CustomTransportStrategy {
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly admission: CommandAdmission | undefined;

  /**
   * @param queue the service name: replicas share requests as members of one queue group.
   * @param admission how many commands run at once and wait for a turn (queries are not limited:
   *   some wait for a read model on purpose); without it, no limit.
   */
  protected constructor(
    protected readonly queue: string,
    admission?: CommandAdmissionLimits,
  ) {
    super();
    this.admission = admission && new CommandAdmission(admission);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(queue))
      throw new ValidationError('queue', 'must be 1-64 characters of A-Z a-z 0-9 _ -');
  }

  /** The subjects of the `@MessagePattern` handlers. Events travel through the EventBus, not here. */
  protected subjects(): string[] {
    const subjects: string[] = [];
    for (const [pattern, handler] of this.messageHandlers) {
      if (handler.isEventHandler) {
        throw new ValidationError(
          `@EventPattern(${pattern})`,
          'is not served by the bus transport: consume events through the EventBus',
        );
      }
      if (!isPlainSubject(pattern))
        throw new ValidationError(`@MessagePattern(${pattern})`, 'must be a subject without wildcards');
      subjects.push(pattern);
    }
    return subjects;
  }

  /** Runs the handler of `subject`; always resolves to an encoded reply, never rejects. */
  protected dispatch(subject: string, body: string, headers: BusHeaders): Promise<string> {
    const reply =
      this.admission && COMMAND.test(subject)
        ? this.admission
            .run(subject, timeoutOf(headers), () => this.answer(subject, body, headers))
            .catch((error: unknown) => encodeFailure(toErrorBody(error)))
        : this.answer(subject, body, headers);
    this.inFlight.add(reply);
    void reply.finally(() => this.inFlight.delete(reply));
    return reply;
  }

  /** Resolves when every request already received has been answered. */
  protected async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  on(): never {
    throw new Error(`${this.constructor.name} has no status events`);
  }

  private async answer(subject: string, body: string, headers: BusHeaders): Promise<string> {
    const handler = this.messageHandlers.get(subject);
    if (handler === undefined) return encodeFailure(noResponders(subject).toBody());
    let payload: unknown;
    try {
      payload = JSON.parse(body) as unknown;
    } catch {
      return encodeFailure(new ValidationError('payload', 'is not valid JSON').toBody());
    }
    const parent = propagation.extract(ROOT_CONTEXT, headers);
    try {
      const result: unknown = await context.with(parent, () =>
        withSpan(
          `bus handle ${subject}`,
          {
            'messaging.system': 'hotline-bus',
            'messaging.destination.name': subject,
            'messaging.consumer.group.name': this.queue,
          },
          () => handler(payload, new BusContext([subject, headers])),
          SpanKind.SERVER,
        ),
      );
      const response: unknown = await lastValueFrom(this.transformToObservable(result), {
        defaultValue: undefined,
      });
      return encodeSuccess(response);
    } catch (error) {
      return encodeFailure(toErrorBody(error));
    }
  }
}

/** Command subjects (`<root>.cmd.<service>.<Type>`), without the deployment prefix. */
const COMMAND = /^[A-Za-z0-9_-]+\.cmd\./;

const timeoutOf = (headers: BusHeaders): number | undefined => {
  const value = Number(headers[BusHeader.timeoutMs]);
  return Number.isFinite(value) && value > 0 ? value : undefined;
};
