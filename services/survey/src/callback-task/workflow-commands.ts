import {
  CloseCase,
  RecordCaseCallback,
  RedoCase,
  type CallbackRatings,
  type CommandDefinition,
} from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { Reaction } from '@hotline/infra/reactor';

/** The outcome of a callback as the case records it. */
export type CaseCallbackOutcome =
  | { reached: true; ratings: CallbackRatings; unitAtFault: boolean; note?: string }
  | { reached: false; note?: string };

/**
 * The workflow's commands the survey sends over the bus (NATS, or in-process when embedded), each
 * with a command id derived from the event that caused it, so a redelivery is answered, not repeated.
 */
export class WorkflowCommands {
  constructor(private readonly requests: BusRequests) {}

  recordCallback(cause: Reaction, caseId: string, outcome: CaseCallbackOutcome): Promise<unknown> {
    return this.send(cause, RecordCaseCallback, 'cb-record', { caseId, ...outcome });
  }

  close(
    cause: Reaction,
    caseId: string,
    callbackWaiver?: 'anonymous' | 'citizen-declined',
  ): Promise<unknown> {
    return this.send(cause, CloseCase, 'cb-close', { caseId, ...(callbackWaiver ? { callbackWaiver } : {}) });
  }

  redo(cause: Reaction, caseId: string, reason: string): Promise<unknown> {
    return this.send(cause, RedoCase, 'cb-redo', { caseId, reason, coHandlers: [] });
  }

  private send(
    cause: Reaction,
    definition: CommandDefinition,
    step: string,
    data: unknown,
  ): Promise<unknown> {
    // Built (and checked) here, sent as written: the workflow parses it again on its side.
    const { commandId, metadata } = cause.command(definition, step, data);
    return this.requests.commandByName(definition.service, definition.type, commandId, data, metadata);
  }
}
