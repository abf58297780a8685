import type { RouterEvent } from '@hotline/contracts';

/** The invariants, checked against a model built from the events alone (not the router's own state). */
export class EventModel {
  readonly offerOf = new Map<string, string>();
  readonly contactsOf = new Map<string, Array<{ contactId: string; channel: string }>>();
  readonly agentOf = new Map<string, string>();
  readonly channelOf = new Map<string, string>();
  /** Agents who are a party to another's contact (consulted, three-way): offered nothing meanwhile. */
  readonly engagedIn = new Map<string, string>();
  readonly broken: string[] = [];

  apply(event: RouterEvent, capacity: (agentId: string) => number): void {
    const d = event.data as unknown as {
      contactId: string;
      agentId: string;
      agentIds: string[];
      party?: { kind: string; agentId?: string };
    };
    const partyAgent = d.party?.kind === 'agent' ? d.party.agentId : undefined;
    // eslint-disable-next-line @typescript-eslint/switch-exhaustiveness-check -- only the events the invariants need
    switch (event.type) {
      case 'ContactQueued':
        this.channelOf.set(d.contactId, event.data.channel);
        return;
      case 'ContactOffered':
        for (const agent of d.agentIds) {
          if (this.offerOf.has(agent))
            this.broken.push(`${agent} offered ${d.contactId} while offered ${this.offerOf.get(agent)}`);
          if (this.engagedIn.has(agent))
            this.broken.push(`${agent} offered ${d.contactId} while in ${this.engagedIn.get(agent)}`);
          const held = this.contactsOf.get(agent) ?? [];
          const channel = this.channelOf.get(d.contactId);
          if (
            held.length > 0 &&
            (channel === 'voice' || held.some((c) => c.channel === 'voice') || held.length >= capacity(agent))
          ) {
            this.broken.push(`${agent} offered ${d.contactId} over capacity`);
          }
          this.offerOf.set(agent, d.contactId);
        }
        return;
      case 'OfferAccepted': {
        if (this.agentOf.has(d.contactId)) this.broken.push(`${d.contactId} with two agents`);
        this.agentOf.set(d.contactId, d.agentId);
        this.offerOf.delete(d.agentId);
        const held = this.contactsOf.get(d.agentId) ?? [];
        this.contactsOf.set(d.agentId, [
          ...held,
          { contactId: d.contactId, channel: this.channelOf.get(d.contactId) ?? '?' },
        ]);
        return;
      }
      case 'ConsultationStarted':
      case 'ConferencePartyJoined':
        if (partyAgent === undefined) return;
        // Out of a consultation into the three-way call the agent is already engaged in this contact.
        if (
          (this.engagedIn.has(partyAgent) && this.engagedIn.get(partyAgent) !== d.contactId) ||
          (this.contactsOf.get(partyAgent) ?? []).length > 0
        )
          this.broken.push(`${partyAgent} joined ${d.contactId} while busy`);
        this.engagedIn.set(partyAgent, d.contactId);
        return;
      case 'ConsultationEnded':
      case 'ConferencePartyLeft':
        if (
          partyAgent !== undefined &&
          !(event.type === 'ConsultationEnded' && event.data.outcome === 'conference')
        )
          this.engagedIn.delete(partyAgent);
        return;
      case 'OfferDeclined':
      case 'OfferExpired':
        this.offerOf.delete(d.agentId);
        return;
      case 'OfferWithdrawn':
        for (const agent of d.agentIds) this.offerOf.delete(agent);
        return;
      case 'ContactEnded':
      case 'ContactTransferred':
        this.agentOf.delete(d.contactId);
        this.contactsOf.set(
          d.agentId,
          (this.contactsOf.get(d.agentId) ?? []).filter((c) => c.contactId !== d.contactId),
        );
        return;
      default: // the other events do not touch these invariants
        return;
    }
  }
}
