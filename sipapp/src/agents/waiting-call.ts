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
  type TransferTarget,
} from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { Logger } from '@hotline/infra/telemetry';
import type { AgentPhones } from './agent-phones';
import { QueuePositionAnnouncer } from './queue-position';
import { ringAgent, type RingingPhone } from './ring-agent';
import { transferToNumber, type FarParty, type TransferMedia, type Trunk } from './transfer-call';

const ORIGIN = { actor: systemActor('sipapp'), districtId: 'city' };
/** A phone that refuses (busy, declined) declines the offer; anything else rings out to the router's expiry. */
const DECLINING = new Set([486, 600, 603]);

/** What a waiting call needs of its media: rtpengine's SDP for an agent, and the join. */
export interface BridgeableMedia extends TransferMedia {
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
  /** Stops the prompt playing now (the position, when an agent answers). */
  cutPrompt(): Promise<void>;
  /** On hold: the caller hears the hold prompt, nothing of the agent. */
  hold(language: PromptLanguage): Promise<void>;
  resume(): Promise<void>;
}

export interface WaitingCallDeps {
  srf: Srf;
  bus: BusRequests;
  phones: AgentPhones;
  logger: Logger;
  /** The waiting caller hears their position again after this long (0: on entry only; absent: never). */
  positionEveryMs?: number;
  /** Where a transfer to an outside number is dialed; absent: such a transfer fails (logged). */
  trunk?: Trunk;
}

/** The agent's phone that answered: its dialog, and the far party the bridge follows. */
interface AnsweredPhone extends FarParty {
  dialog: Srf.Dialog;
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
  /** Who the caller talks to: the agent's phone, or after a transfer the unit's. */
  private answered: FarParty | undefined;
  private announcer: QueuePositionAnnouncer | undefined;
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

  /**
   * The contact is in its queue: the hold music loops and the caller hears their position on entry
   * and at each interval, until an agent answers or the wait ends.
   */
  queued(): void {
    this.media
      .startMusic(this.language)
      .catch((error: unknown) =>
        this.deps.logger.warn({ err: error, contactId: this.contactId }, 'the hold music did not start'),
      );
    if (this.deps.positionEveryMs === undefined || this.closed) return;
    this.announcer = new QueuePositionAnnouncer(
      this.deps,
      this.contactId,
      this.deps.positionEveryMs,
      (ahead) => {
        if (!this.answered && !this.closed) this.push({ kind: 'position', ahead });
      },
    );
    this.announcer.start();
  }

  /** The caller hung up while waiting (or ringing): the phones stop, the contact leaves the queue. */
  async abandon(): Promise<void> {
    this.announcer?.stop();
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
    this.announcer?.stop();
    this.stopRinging();
    this.push({ kind: 'gone' });
  }

  /** The contact ended in routing (the agent ended it at the desk): the agent's leg hangs up. */
  contactEnded(): void {
    this.ended = true;
    void this.answered?.hangUp();
  }

  /**
   * The agent transferred the contact (`ContactTransferred`). To an outside number (a unit's duty
   * phone): the agent's leg ends, the unit's phone rings with the case, and its answer takes the
   * agent's place in the bridge. To a queue or another agent: not built on the telephone side yet
   * (logged; the caller stays with the agent until one hangs up).
   */
  transferred(target: TransferTarget): void {
    const agent = this.answered;
    if (!this.bridged || agent === undefined) return;
    if (target.kind !== 'number') {
      this.deps.logger.warn(
        { contactId: this.contactId, target: target.kind },
        'a transfer to a queue or an agent is not carried out on the telephone yet',
      );
      return;
    }
    // Routing moved the contact: it is not ended again when the unit or the caller hangs up.
    this.ended = true;
    this.answered = transferToNumber(this.deps, {
      contactId: this.contactId,
      agentId: agent.agentId,
      target,
      media: this.media,
      language: this.language,
      placed: (party) => this.answered === party,
    });
    void agent.hangUp();
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
    if (answered === undefined || !('dialog' in answered) || !('agentId' in target))
      throw new Error('no answered agent phone to bridge the caller to');
    if (target.agentId !== answered.agentId) throw new Error('another agent answered');
    await this.media.connect((answered as AnsweredPhone).dialog.remote.sdp);
    this.bridged = true;
    const callerGone = this.media.untilHangup().catch(() => 'caller' as const);
    let party: FarParty = answered;
    let first: 'caller' | 'callee';
    for (;;) {
      first = await Promise.race([callerGone, party.gone.then(() => 'callee' as const)]);
      // A transfer put the unit in the agent's place: the call goes on with them.
      if (first === 'callee' && this.answered !== undefined && this.answered !== party) {
        party = this.answered;
        continue;
      }
      break;
    }
    this.bridged = false;
    if (first === 'caller') await party.hangUp();
    else await this.media.disconnect().catch(() => undefined);
    this.answered = undefined;
    this.media.forgetKeys();
    await this.endContact(answered.agentId);
    return first;
  }

  /** The call is over on this replica: nothing rings, no agent leg stays up, the contact ends once. */
  async release(): Promise<void> {
    this.closed = true;
    this.announcer?.stop();
    this.stopRinging();
    const answered = this.answered;
    this.answered = undefined;
    if (answered) {
      await answered.hangUp();
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
    // srf emits 'destroy' for the phone's BYE only: our own hang-up (a transfer) settles `gone` too.
    let left: () => void = () => undefined;
    const answered: AnsweredPhone = {
      agentId,
      dialog: outcome.dialog,
      gone: new Promise((resolve) => {
        left = resolve;
        outcome.dialog.on('destroy', () => resolve());
      }),
      hangUp: async () => {
        await hangUp(outcome.dialog);
        left();
      },
    };
    if (this.closed || this.answered) return answered.hangUp(); // another phone was quicker
    this.answered = answered;
    const taken = await this.command(AcceptOffer, `ivr-accept-${offerId}-${index}`, {
      agentId,
      contactId: this.contactId,
    });
    if (!taken && this.acceptedBy !== agentId) {
      // The offer ended just before the answer: the caller waits on, the next offer rings again.
      this.answered = undefined;
      return answered.hangUp();
    }
    this.stopRinging();
    // The agent is here: no more positions; the music stops before the agent's number is read.
    this.announcer?.stop();
    for (let i = this.updates.length - 1; i >= 0; i--)
      if (this.updates[i]!.kind === 'position') this.updates.splice(i, 1);
    await this.media.stopMusic().catch(() => undefined);
    await this.media.cutPrompt().catch(() => undefined);
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

function hangUp(dialog: Srf.Dialog): Promise<void> {
  return new Promise((resolve) => dialog.destroy(undefined, () => resolve()));
}
