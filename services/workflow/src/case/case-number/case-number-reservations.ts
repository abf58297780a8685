import { handleCommand, type CommandHandlerDeps, type CommandResult } from '@hotline/infra/command';
import type { CaseNumberAllocator } from './case-number-allocator';
import {
  caseNumberReservationAggregate,
  type ReservationCommandEnvelope,
} from './case-number-reservation.aggregate';

export interface ReservationReply extends CommandResult {
  contactId: string;
  caseNumber?: string;
}

/**
 * Case numbers given before the case exists: a web submission that waits for an agent gets its
 * number on submit (intake reserves it), and the case an agent later registers from that contact
 * takes the reserved number instead of a new one.
 */
export class CaseNumberReservations {
  constructor(
    private readonly deps: CommandHandlerDeps & {
      caseNumbers: CaseNumberAllocator;
      /** Until the reservations read model holds the position: tracking works as soon as the citizen has the number. */
      waitFor: (position: number) => Promise<void>;
    },
  ) {}

  async reserve(envelope: ReservationCommandEnvelope): Promise<ReservationReply> {
    const { contactId } = envelope.data;
    let reserved: string | undefined;
    const result = await handleCommand(this.deps, {
      aggregate: caseNumberReservationAggregate,
      id: contactId,
      command: envelope,
      // A number is allocated only for a contact without one (kept across a conflict's retry).
      context: async ({ state }) => {
        reserved = state.caseNumber ?? reserved ?? (await this.deps.caseNumbers.next());
        return { caseNumber: reserved };
      },
    });
    await this.deps.waitFor(result.position);
    return { ...result, contactId, ...(reserved !== undefined ? { caseNumber: reserved } : {}) };
  }

  /** The number reserved for a contact, read from its stream (not a read model: registration must not miss it). */
  async reservedFor(contactId: string | undefined): Promise<string | undefined> {
    if (contactId === undefined) return undefined;
    const { state } = await caseNumberReservationAggregate.load(this.deps.store, contactId);
    return state.caseNumber;
  }
}
