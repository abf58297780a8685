import { createHash } from 'node:crypto';
import type { CommandEnvelope, ContactEvent, RecordedEvent } from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps, type CommandResult } from '@hotline/infra/command';
import type { ContactDecision } from './contact-decision';
import { contactAggregate } from './contact.aggregate';
import type { ContactState } from './contact.state';

type Recorded = Extract<ContactEvent, { type: 'ContactRecorded' }>['data'];
type Assessed = Extract<ContactEvent, { type: 'ContactAssessed' }>['data'];

export interface LoadedContact {
  state: ContactState;
  recorded?: Recorded;
  assessment?: Assessed;
  events: RecordedEvent[];
}

/**
 * The id of one step of a command that takes several (record, then register a case): the same
 * command always gives the same step ids, so a retried command finds each step it already did.
 */
export function stepCommandId(commandId: string, step: string): string {
  return `${step}-${createHash('sha1').update(`${commandId}\n${step}`).digest('hex').slice(0, 32)}`;
}

/** Reads and writes contact streams: load, and decide through the command kit. */
export class ContactStreams {
  constructor(private readonly deps: CommandHandlerDeps) {}

  /** Decides `decision` on the contact's stream as command `commandId` of `envelope`. */
  decide(
    envelope: CommandEnvelope,
    contactId: string,
    decision: ContactDecision,
    commandId = envelope.commandId,
  ): Promise<CommandResult> {
    return handleCommand(this.deps, {
      aggregate: contactAggregate,
      id: contactId,
      command: { ...envelope, commandId, type: decision.type, data: decision.data },
    });
  }

  async load(contactId: string): Promise<LoadedContact> {
    const { state, events } = await contactAggregate.load(this.deps.store, contactId);
    const contactEvents = events.map((e) => contactAggregate.domainEvent(e));
    const recorded = contactEvents.find((e) => e.type === 'ContactRecorded');
    const assessed = contactEvents.find((e) => e.type === 'ContactAssessed');
    return {
      state,
      ...(recorded?.type === 'ContactRecorded' ? { recorded: recorded.data } : {}),
      ...(assessed?.type === 'ContactAssessed' ? { assessment: assessed.data } : {}),
      events,
    };
  }
}
