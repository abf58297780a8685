import {
  systemActor,
  type CaseEvent,
  type CaseNoticeKind,
  type CommandEnvelope,
  type RecordedEvent,
} from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import type { Logger } from '@hotline/infra/telemetry';
import { type CaseNoticeDecision, type CaseNoticeState, type NoticeToQueue } from './case-notice.decider';
import { caseNoticeAggregate } from './case-notice.aggregate';
import { noticeOptOutAggregate } from './notice-opt-out.aggregate';
import { noticeText, notBefore, type QuietHours } from './notice-texts';
import type { PendingNotice } from './pending-notices.projection';

/** The SMS adapter as the notices see it: resolves with the part count once the SMSC took every part. */
export interface SmsSender {
  send(phone: string, text: string): Promise<number>;
}

/** Cases from these channels tell their citizen of each step, when the citizen gave a mobile number. */
const NOTIFIED_CHANNELS = new Set(['sms', 'web']);
const MOBILE = /^1[3-9]\d{9}$/;
const ACTOR = systemActor('intake-case-notices');

export interface CaseNoticeDeps {
  commandDeps: CommandHandlerDeps;
  quiet: QuietHours;
  logger: Logger;
}

/**
 * The process manager of the SMS a citizen gets about their case: on the workflow's events it
 * queues a notice on the case's `caseNotice-<caseId>` stream, keyed by the event's id, then sends
 * the due ones through the SMS adapter and records each send. A redelivered event queues nothing
 * new and a settled notice is never sent again; only a crash between the SMSC's acceptance and
 * the record can repeat a send. Notices held by the quiet hours (all but the case number) wait in
 * `pending` and go out at the first tick after the hours end; at start, `recover` takes those a
 * stopped process left behind.
 */
export class CaseNoticeService {
  private sender: SmsSender | undefined;
  private readonly pending = new Map<string, PendingNotice>();
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: CaseNoticeDeps) {}

  /** The SMS adapter, once its channel is up (notices queue without it). */
  useSender(sender: SmsSender | undefined): void {
    this.sender = sender;
  }

  /** The event handler of the durable consumer: throws only when the store failed (redelivery). */
  async handle(event: RecordedEvent): Promise<void> {
    const caseEvent = { type: event.type, data: event.data } as CaseEvent;
    const now = this.deps.commandDeps.clock.now();
    const queue = (kind: CaseNoticeKind, caseNumber: string): NoticeToQueue => ({
      sourceEventId: event.id,
      kind,
      text: noticeText(kind, caseNumber),
      notBefore: notBefore(kind, now, this.deps.quiet).toISOString(),
    });
    const decision = await this.decisionFor(caseEvent, event, queue);
    if (!decision) return;
    const result = await this.decide(decision, `notice-${event.id}`, event);
    const queued = decision.type === 'Subscribe' ? decision.data.first : decision.data;
    // A redelivery finds the first result: the notice is delivered if it is still unsettled.
    if (!queued || !result.events.some((e) => e.type === 'CaseNoticeQueued')) return;
    const due = Date.parse(queued.notBefore);
    this.pending.set(event.id, { caseId: decision.data.caseId, sourceEventId: event.id, notBefore: due });
    if (due <= now.getTime()) await this.deliver(event.id);
  }

  /** Subscribe on a registration the citizen should hear of; queue a notice on a later step. */
  private async decisionFor(
    caseEvent: CaseEvent,
    event: RecordedEvent,
    queue: (kind: CaseNoticeKind, caseNumber: string) => NoticeToQueue,
  ): Promise<Extract<CaseNoticeDecision, { type: 'Subscribe' | 'Queue' }> | undefined> {
    if (caseEvent.type === 'CaseRegistered') {
      const { caseId, caseNumber, channel, citizen } = caseEvent.data;
      if (!NOTIFIED_CHANNELS.has(channel) || !citizen.phone || !MOBILE.test(citizen.phone)) return undefined;
      // An SMS the platform registered by itself was answered with the case number on the spot.
      const answered = channel === 'sms' && event.metadata.actor.role === 'system';
      return {
        type: 'Subscribe',
        data: {
          caseId,
          caseNumber,
          phone: citizen.phone,
          ...(answered ? {} : { first: queue('registered', caseNumber) }),
        },
      };
    }
    const kind =
      caseEvent.type === 'CaseSigned'
        ? caseEvent.data.role === 'lead'
          ? 'signed'
          : undefined
        : caseEvent.type === 'CaseCompleted'
          ? 'completed'
          : caseEvent.type === 'CaseClosed'
            ? 'closed'
            : undefined;
    if (!kind) return undefined;
    const caseId = caseEvent.data.caseId;
    const { subscriber } = await this.load(caseId);
    // The decider queues nothing for a case whose citizen is not told; skip the append altogether.
    if (!subscriber) return undefined;
    return { type: 'Queue', data: { caseId, ...queue(kind, subscriber.caseNumber) } };
  }

  /** Sends every notice due by `now` that is not settled yet: the quiet-hours queue, and failed sends. */
  async deliverDue(now = this.deps.commandDeps.clock.now()): Promise<number> {
    let sent = 0;
    for (const notice of [...this.pending.values()]) {
      if (notice.notBefore <= now.getTime() && (await this.deliver(notice.sourceEventId))) sent++;
    }
    return sent;
  }

  /**
   * Takes the notices queued but never settled (a stop, an SMSC that was down), as the
   * `intake-pending-notices` read model holds them: the next ticks send those due.
   */
  recover(notices: Iterable<PendingNotice>): void {
    for (const notice of notices) this.pending.set(notice.sourceEventId, notice);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** True when the notice is settled now (sent, withheld, or found settled). */
  private async deliver(sourceEventId: string): Promise<boolean> {
    const notice = this.pending.get(sourceEventId);
    if (!notice || this.inFlight.has(sourceEventId)) return false;
    this.inFlight.add(sourceEventId);
    try {
      const state = await this.load(notice.caseId);
      const queued = state.notices[sourceEventId];
      if (!queued || queued.settled || !state.subscriber) {
        this.pending.delete(sourceEventId);
        return false;
      }
      const { phone } = state.subscriber;
      const base = { caseId: notice.caseId, sourceEventId };
      if (await this.optedOut(phone)) {
        await this.decide(
          { type: 'Withhold', data: { ...base, reason: 'opted-out' } },
          `withhold-${sourceEventId}`,
        );
      } else {
        if (!this.sender) return false;
        const parts = await this.sender.send(phone, queued.text);
        await this.decide({ type: 'MarkSent', data: { ...base, parts } }, `sent-${sourceEventId}`);
      }
      this.pending.delete(sourceEventId);
      return true;
    } catch (error) {
      this.deps.logger.warn(
        { err: error, sourceEventId },
        'a case notice was not sent; it is tried again later',
      );
      return false;
    } finally {
      this.inFlight.delete(sourceEventId);
    }
  }

  private async load(caseId: string): Promise<CaseNoticeState> {
    return (await caseNoticeAggregate.load(this.deps.commandDeps.store, caseId)).state;
  }

  private async optedOut(phone: string): Promise<boolean> {
    const events = await this.deps.commandDeps.store.readStreamOrEmpty(
      noticeOptOutAggregate.streamId(phone),
      {
        direction: 'backwards',
        maxCount: 1,
      },
    );
    return events[0]?.type === 'NoticesOptedOut';
  }

  private decide(decision: CaseNoticeDecision, commandId: string, cause?: RecordedEvent) {
    return handleCommand(this.deps.commandDeps, {
      aggregate: caseNoticeAggregate,
      id: decision.data.caseId,
      command: this.envelope(commandId, decision.type, decision.data, cause),
    });
  }

  private envelope(commandId: string, type: string, data: unknown, cause?: RecordedEvent): CommandEnvelope {
    return {
      commandId,
      type,
      data,
      metadata: {
        correlationId: cause?.metadata.correlationId ?? commandId,
        ...(cause ? { causationId: cause.id } : {}),
        actor: ACTOR,
        districtId: cause?.metadata.districtId ?? 'city',
      },
    };
  }
}
