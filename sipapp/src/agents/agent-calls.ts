import {
  AgentProfileSet,
  ContactEnded,
  ContactHeld,
  ContactOffered,
  ContactResumed,
  ContactOverflowed,
  ContactTransferred,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  OfferWithdrawn,
  QueuedContactAbandoned,
  ROUTER_CATEGORY,
  type AgentProfile,
  type BridgeTarget,
  type PromptLanguage,
  type RecordedEvent,
  type TransferTarget,
} from '@hotline/contracts';
import type { ProjectionSource, SourceHandle } from '@hotline/infra/projection';
import type { Logger } from '@hotline/infra/telemetry';
import { WaitingCall, type BridgeableMedia, type WaitingCallDeps } from './waiting-call';

/** The router events that move a waiting caller or an agent's phone. */
const FOLLOWED = [
  AgentProfileSet,
  ContactOffered,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  OfferWithdrawn,
  ContactOverflowed,
  QueuedContactAbandoned,
  ContactHeld,
  ContactResumed,
  ContactEnded,
  ContactTransferred,
].map((definition) => definition.type);

/**
 * The calls this replica holds that wait for (or talk to) an agent, and the router's events about
 * them. Every replica follows every router event from the head at its start (the platform's event
 * source, as the gateway's live feeds do) and acts only on the contacts of its own calls: an offer
 * for a call another replica holds is that replica's, as a key for it is in the DTMF relay.
 */
export class AgentCalls {
  private readonly calls = new Map<string, WaitingCall>();
  private readonly media = new Map<string, { media: BridgeableMedia; callerNumber?: string }>();
  private handle: SourceHandle | undefined;
  private stopped = false;

  constructor(
    private readonly deps: WaitingCallDeps & { logger: Logger },
    private readonly source: ProjectionSource,
  ) {}

  /** Follows the router's events from now on. */
  async start(): Promise<void> {
    this.follow(await this.source.headPosition());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.handle?.stop();
    await Promise.all([...this.calls.values()].map((call) => call.release()));
  }

  /** An answered call of this replica (its media can be joined to an agent); returns its release. */
  hold(callId: string, media: BridgeableMedia, callerNumber?: string): () => Promise<void> {
    this.media.set(callId, { media, ...(callerNumber ? { callerNumber } : {}) });
    return async () => {
      this.media.delete(callId);
      const call = [...this.calls.values()].find((c) => c.callId === callId);
      if (call === undefined) return;
      this.calls.delete(call.contactId);
      await call.release();
    };
  }

  /**
   * The call is about to queue as `contactId`: offers for it are taken from now on (the router may
   * offer in the same decision that queues it). Undefined for a call this replica does not hold.
   */
  expect(callId: string, contactId: string, language?: PromptLanguage): WaitingCall | undefined {
    const held = this.media.get(callId);
    if (held === undefined) return undefined;
    const call = new WaitingCall(this.deps, callId, contactId, held.media, held.callerNumber, language);
    this.calls.set(contactId, call);
    return call;
  }

  /** The media port's bridge for a call of this replica: to the agent whose phone answered. */
  bridge(callId: string, target: BridgeTarget): Promise<'caller' | 'callee'> {
    const call = [...this.calls.values()].find((c) => c.callId === callId);
    if (call === undefined) return Promise.reject(new Error('the call waits for no agent'));
    return call.bridge(target);
  }

  private follow(fromPosition: number): void {
    if (this.stopped) return;
    let last = fromPosition;
    this.handle = this.source.start(
      { fromPosition, filter: { streamPrefixes: [`${ROUTER_CATEGORY}-`], eventTypes: FOLLOWED } },
      {
        onEvent: (event) => {
          last = event.position;
          this.apply(event);
          return Promise.resolve();
        },
        onCaughtUp: () => undefined,
        onError: (error) => {
          this.deps.logger.warn({ err: error }, 'agent calls: the router events failed; following again');
          setTimeout(() => this.follow(last), 1_000);
        },
      },
    );
  }

  private apply(event: RecordedEvent): void {
    const data = event.data as { contactId?: string; agentId?: string; agentIds?: string[] };
    if (event.type === AgentProfileSet.type) {
      this.deps.phones.apply((event.data as { profile: AgentProfile }).profile);
      return;
    }
    const call = data.contactId === undefined ? undefined : this.calls.get(data.contactId);
    if (call === undefined) return; // not a call of this replica
    switch (event.type) {
      case ContactOffered.type:
        return call.offered(event.id, data.agentIds ?? []);
      case OfferAccepted.type:
        return call.accepted(data.agentId!);
      case OfferDeclined.type:
      case OfferExpired.type:
        return call.offerEnded(data.agentId!);
      case OfferWithdrawn.type:
        for (const agentId of data.agentIds ?? []) call.offerEnded(agentId);
        return;
      case ContactOverflowed.type:
        if ((event.data as { target: { kind: string } }).target.kind !== 'queue') call.left();
        return;
      case QueuedContactAbandoned.type:
        return call.left();
      case ContactHeld.type:
      case ContactResumed.type:
        return call.held(event.type === ContactHeld.type);
      case ContactEnded.type:
        return call.contactEnded();
      case ContactTransferred.type:
        return call.transferred((event.data as { target: TransferTarget }).target);
    }
  }
}
