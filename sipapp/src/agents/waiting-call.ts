import type Srf from 'drachtio-srf';
import {
  AbandonQueuedContact,
  AcceptOffer,
  DeclineOffer,
  EndContact,
  HotlineError,
  systemActor,
  type BridgeTarget,
  type PromptLanguage,
  type QueueUpdate,
  type QueueWait,
} from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { Logger } from '@hotline/infra/telemetry';
import type { AgentPhones } from './agent-phones';
import { ringAgent, type RingingPhone } from './ring-agent';

const ORIGIN = { actor: systemActor('sipapp'), districtId: 'city' };
/** A phone that refuses (busy, declined) declines the offer; anything else rings out to the router's expiry. */
const DECLINING = new Set([486, 600, 603]);

/** What a waiting call needs of its media: rtpengine's SDP for an agent, and the join. */
export interface BridgeableMedia {
  /** rtpengine's SDP for the far side of the caller's call: the offer that rings an agent. */
  readonly farSideSdp: string;
  /** The agent's answer joins them to the caller through rtpengine. */
  connect(agentSdp: string): Promise<void>;
  /** The agent left: the caller's call is the IVR's alone again. */
  disconnect(): Promise<void>;
  /** Rejects once the caller hung up. */
  untilHangup(): Promise<never>;
  /** Keys pressed while talking are not answers to the next question. */
  forgetKeys(): void;
  /** On hold: the caller hears the hold prompt, nothing of the agent. */
  hold(language: PromptLanguage): Promise<void>;
  resume(): Promise<void>;
}

export interface WaitingCallDeps {
  srf: Srf;
  bus: BusRequests;
  phones: AgentPhones;
  logger: Logger;
}

interface AnsweredPhone {
  agentId: string;
  dialog: Srf.Dialog;
  gone: Promise<void>;
}

/**
 * A caller of this replica waiting in a routing queue, as the flow engine waits on it (`QueueWait`):
 * each offer rings the offered agents' phones (once per offer, however often the event comes); the
 * first to answer is accepted (`AcceptOffer`) and the caller is told (`offered`), the others stop
 * ringing; a phone that is busy or declines declines the offer (`DeclineOffer`), one that rings out is
 * left to the router's offer timeout (a miss, as the router counts it). The bridge lasts until either
 * side hangs up: `EndContact` once, the other side's leg ended.
 */
export class WaitingCall implements QueueWait {
  private readonly updates: QueueUpdate[] = [];
  private wake: (() => void) | undefined;
  private readonly offers = new Set<string>();
  private readonly ringing = new Map<string, RingingPhone>();
  private answered: AnsweredPhone | undefined;
  /** The agent routing says has the contact (our accept, or the desk's). */
  private acceptedBy: string | undefined;
  private ended = false;
  private bridged = false;
  private closed = false;

  constructor(
    private readonly deps: WaitingCallDeps,
    readonly callId: string,
    readonly contactId: string,
    private readonly media: BridgeableMedia,
    private readonly callerNumber: string | undefined,
    private readonly language: PromptLanguage = 'zh-CN',
  ) {}

  next(): Promise<QueueUpdate> {
    const update = this.updates.shift();
    if (update) return Promise.resolve(update);
    return new Promise((resolve) => {
      this.wake = () => {
        const next = this.updates.shift();
        if (next === undefined) return;
        this.wake = undefined;
        resolve(next);
      };
    });
  }

  /** The caller hung up while waiting (or ringing): the phones stop, the contact leaves the queue. */
  async abandon(): Promise<void> {
    this.stopRinging();
    await this.command(AbandonQueuedContact, `ivr-abandon-${this.callId}`, { contactId: this.contactId });
  }

  /** A `ContactOffered` for this contact (`offerId` its event id): rings each agent's phone once. */
  offered(offerId: string, agentIds: readonly string[]): void {
    if (this.closed || this.offers.has(offerId) || this.answered) return;
    this.offers.add(offerId);
    agentIds.forEach((agentId, index) => {
      if (!this.ringing.has(agentId)) void this.ring(offerId, index, agentId);
    });
  }

  /** The offer to this agent ended in routing (expired, withdrawn, declined at the desk): stop ringing. */
  offerEnded(agentId: string): void {
    this.ringing.get(agentId)?.cancel();
  }

  /** Routing gave the contact to this agent (answered on the phone or at the desk). */
  accepted(agentId: string): void {
    this.acceptedBy = agentId;
  }

  /** The contact left the queue without an agent of ours (overflowed elsewhere): the wait ends. */
  left(): void {
    if (this.answered) return;
    this.stopRinging();
    this.push({ kind: 'gone' });
  }

  /** The contact ended in routing (the agent ended it at the desk): the agent's leg hangs up. */
  contactEnded(): void {
    this.ended = true;
    const answered = this.answered;
    if (answered) answered.dialog.destroy(undefined, () => undefined);
  }

  /** The agent put the caller on hold (`ContactHeld`), or took them off it: only while they talk. */
  held(onHold: boolean): void {
    if (!this.bridged) return;
    (onHold ? this.media.hold(this.language) : this.media.resume()).catch((error: unknown) =>
      this.deps.logger.warn({ err: error, contactId: this.contactId }, 'hold or resume failed on the media'),
    );
  }

  /** Joins the caller to the agent who answered; resolves with who hung up first. */
  async bridge(target: BridgeTarget): Promise<'caller' | 'callee'> {
    const answered = this.answered;
    if (answered === undefined || !('agentId' in target) || target.agentId !== answered.agentId)
      throw new Error('no answered agent phone to bridge the caller to');
    await this.media.connect(answered.dialog.remote.sdp);
    this.bridged = true;
    const first = await Promise.race([
      this.media.untilHangup().catch(() => 'caller' as const),
      answered.gone.then(() => 'callee' as const),
    ]);
    this.bridged = false;
    if (first === 'caller') await hangUp(answered);
    else await this.media.disconnect().catch(() => undefined);
    this.answered = undefined;
    this.media.forgetKeys();
    await this.endContact(answered.agentId);
    return first;
  }

  /** The call is over on this replica: nothing rings, no agent leg stays up, the contact ends once. */
  async release(): Promise<void> {
    this.closed = true;
    this.stopRinging();
    const answered = this.answered;
    this.answered = undefined;
    if (answered) {
      await hangUp(answered);
      await this.endContact(answered.agentId);
    }
  }

  private async ring(offerId: string, index: number, agentId: string): Promise<void> {
    const phone = await this.deps.phones.of(agentId).catch((error: unknown) => {
      this.deps.logger.warn({ err: error, agentId }, "the agent's phone could not be read from routing");
      return undefined;
    });
    if (phone === undefined) {
      // Rung nowhere: the offer rings on the desk alone and expires there if nobody answers.
      this.deps.logger.warn({ agentId, contactId: this.contactId }, 'the offered agent has no phone');
      return;
    }
    if (this.closed || this.answered) return;
    const ringing = ringAgent(this.deps.srf, {
      agentId,
      uri: phone.uri,
      sdp: this.media.farSideSdp,
      callerNumber: this.callerNumber,
    });
    this.ringing.set(agentId, ringing);
    const outcome = await ringing.outcome;
    this.ringing.delete(agentId);
    if ('status' in outcome) {
      if (DECLINING.has(outcome.status))
        await this.command(DeclineOffer, `ivr-decline-${offerId}-${index}`, {
          agentId,
          contactId: this.contactId,
        });
      else if (outcome.status !== 487)
        this.deps.logger.warn(
          { agentId, status: outcome.status, reason: outcome.reason },
          "the agent's phone did not answer; the offer rings out",
        );
      return;
    }
    const answered: AnsweredPhone = {
      agentId,
      dialog: outcome.dialog,
      gone: new Promise((resolve) => outcome.dialog.on('destroy', () => resolve())),
    };
    if (this.closed || this.answered) return hangUp(answered); // another phone was quicker
    this.answered = answered;
    const taken = await this.command(AcceptOffer, `ivr-accept-${offerId}-${index}`, {
      agentId,
      contactId: this.contactId,
    });
    if (!taken && this.acceptedBy !== agentId) {
      // The offer ended just before the answer: the caller waits on, the next offer rings again.
      this.answered = undefined;
      return hangUp(answered);
    }
    this.stopRinging();
    this.push({
      kind: 'offered',
      agentId,
      workNumber: phone.workNumber,
      target: { agentId, uri: phone.uri },
    });
  }

  private async endContact(agentId: string): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.command(EndContact, `ivr-end-${this.callId}`, { agentId, contactId: this.contactId });
  }

  private stopRinging(): void {
    for (const phone of this.ringing.values()) phone.cancel();
  }

  private push(update: QueueUpdate): void {
    this.updates.push(update);
    this.wake?.();
  }

  /** Sends a router command; a refusal (the offer already gone) is logged and answers false. */
  private async command(
    definition: typeof AcceptOffer | typeof DeclineOffer | typeof EndContact | typeof AbandonQueuedContact,
    commandId: string,
    data: Record<string, string>,
  ): Promise<boolean> {
    try {
      await this.deps.bus.command(definition, commandId, data as never, ORIGIN);
      return true;
    } catch (error) {
      const refused = error instanceof HotlineError;
      this.deps.logger[refused ? 'info' : 'error'](
        { err: error, contactId: this.contactId, command: definition.type },
        refused ? 'routing refused the command' : 'routing did not take the command',
      );
      return false;
    }
  }
}

function hangUp(answered: AnsweredPhone): Promise<void> {
  return new Promise((resolve) => answered.dialog.destroy(undefined, () => resolve()));
}
