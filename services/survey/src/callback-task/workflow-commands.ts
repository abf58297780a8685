import {
  CloseCase,
  HotlineError,
  RecordCaseCallback,
  RedoCase,
  commandSubject,
  type CallbackRatings,
  type CommandDefinition,
  type CommandEnvelope,
  type RecordedEvent,
} from '@hotline/contracts';
import { BusRecord, messageHeaders } from '@hotline/infra/bus';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';
import type { Actor } from '@hotline/contracts';

/** The outcome of a callback as the case records it. */
export type CaseCallbackOutcome =
  | { reached: true; ratings: CallbackRatings; unitAtFault: boolean; note?: string }
  | { reached: false; note?: string };

/**
 * The workflow's commands the survey sends over the bus (NATS, or in-process when embedded), each
 * with a command id derived from the event that caused it, so a redelivery is answered, not repeated.
 */
export class WorkflowCommands {
  constructor(
    private readonly bus: ClientProxy,
    private readonly actor: Actor,
  ) {}

  recordCallback(cause: RecordedEvent, caseId: string, outcome: CaseCallbackOutcome): Promise<unknown> {
    return this.send(RecordCaseCallback, `cb-record-${cause.id}`, { caseId, ...outcome }, cause);
  }

  close(
    cause: RecordedEvent,
    caseId: string,
    callbackWaiver?: 'anonymous' | 'citizen-declined',
  ): Promise<unknown> {
    return this.send(
      CloseCase,
      `cb-close-${cause.id}`,
      { caseId, ...(callbackWaiver ? { callbackWaiver } : {}) },
      cause,
    );
  }

  redo(cause: RecordedEvent, caseId: string, reason: string): Promise<unknown> {
    return this.send(RedoCase, `cb-redo-${cause.id}`, { caseId, reason, coHandlers: [] }, cause);
  }

  private send(
    definition: CommandDefinition,
    commandId: string,
    data: unknown,
    cause: RecordedEvent,
  ): Promise<unknown> {
    const metadata = {
      correlationId: cause.metadata.correlationId,
      causationId: cause.id,
      actor: this.actor,
      districtId: cause.metadata.districtId,
      ...(cause.metadata.traceparent ? { traceparent: cause.metadata.traceparent } : {}),
    };
    const envelope: CommandEnvelope = { commandId, type: definition.type, data, metadata };
    return firstValueFrom(
      this.bus.send(
        commandSubject(definition.service, definition.type),
        new BusRecord(envelope, messageHeaders(metadata)),
      ),
    );
  }
}

/** A refusal that a retry cannot change (a rule, a missing case, a role): logged, not redelivered. */
export const isFinalRefusal = (error: unknown): boolean =>
  error instanceof HotlineError && ['rule', 'forbidden', 'not-found', 'validation'].includes(error.kind);
