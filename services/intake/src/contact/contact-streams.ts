import { createHash } from 'node:crypto';
import type { CommandEnvelope, ContactEvent, RecordedEvent } from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps, type CommandResult } from '@hotline/infra/command';
import { StreamNotFound } from '@hotline/infra/event-store';
import type { ContactDecision } from './contact-decision';
import { contactDecider, contactStreamId } from './contact.decider';
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
      streamId: contactStreamId(contactId),
      decider: contactDecider,
      command: { ...envelope, commandId, type: decision.type, data: decision.data },
      eventVersions: () => 1,
    });
  }

  async load(contactId: string): Promise<LoadedContact> {
    let events: RecordedEvent[];
    try {
      events = await this.deps.store.readStream(contactStreamId(contactId));
    } catch (error) {
      if (error instanceof StreamNotFound) return { state: contactDecider.initialState(), events: [] };
      throw error;
    }
    const contactEvents = events.map((e) => ({ type: e.type, data: e.data }) as ContactEvent);
    const recorded = contactEvents.find((e) => e.type === 'ContactRecorded');
    const assessed = contactEvents.find((e) => e.type === 'ContactAssessed');
    return {
      state: contactEvents.reduce(
        (state, event) => contactDecider.evolve(state, event),
        contactDecider.initialState(),
      ),
      ...(recorded?.type === 'ContactRecorded' ? { recorded: recorded.data } : {}),
      ...(assessed?.type === 'ContactAssessed' ? { assessment: assessed.data } : {}),
      events,
    };
  }
}
