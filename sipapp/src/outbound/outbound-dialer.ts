import { createHash } from 'node:crypto';
import {
  DialOutboundCall,
  OUTBOUND_CALL_CATEGORY,
  OutboundCallDialed,
  OutboundCallRequested,
  ReportOutboundCallOutcome,
  systemActor,
  type MessageMetadata,
  type RecordedEvent,
} from '@hotline/contracts';
import { handleCommand, parseCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import type { ReactorSpec } from '@hotline/infra/reactor';
import type { Logger } from '@hotline/infra/telemetry';
import { TelephonyError, TelephonyRuleViolation } from '../flows/ivr-flow.errors';
import type { CallingHours } from './calling-hours';
import { outboundCallAggregate } from './outbound-call.decider';
import type { OutboundCallResult, RequestedCall } from './place-outbound-call';

export const OUTBOUND_DIALER_CONSUMER = 'sipapp-outbound-dialer';
const PAGE = 1_000;
/** A claimed call this long without an outcome lost its dialer (no call lasts an hour). */
const ABANDONED_AFTER_MS = 3_600_000;

export interface OutboundDialerDeps {
  handler: CommandHandlerDeps;
  logger: Logger;
  /** Places one call and tells how it ended (`placeOutboundCall` on srf and rtpengine). */
  place: (call: RequestedCall) => Promise<OutboundCallResult>;
  /** This dialer's id, unique per process: its claims are its own. */
  dialerId: string;
  maxCalls: number;
  callingHours: CallingHours;
}

interface Waiting {
  call: RequestedCall;
  metadata: MessageMetadata;
  /** The request's event: the cause of the dialer's commands. */
  eventId: string;
}

/**
 * The outbound dialer: each requested call (`OutboundCallRequested`, from the bus or, at start, the
 * calls requested and never dialed) waits its turn — at most `maxCalls` at once, citizens only within
 * the calling hours, duty phones at any hour — then is claimed (`DialOutboundCall`, an append at the
 * stream's expected version: a call another replica or an earlier run claimed is skipped, so no call
 * is placed twice), placed, and its outcome reported once (`ReportOutboundCallOutcome`). The bus
 * delivery is acknowledged when the call joins the queue: a call holds no consumer for its length.
 * A claimed call whose dialer stopped mid-call is not dialed again (at most once: a citizen is not
 * rung twice); the next dialer to start finishes it `failed` once it was claimed over an hour ago.
 */
export class OutboundDialer {
  private readonly waiting: Waiting[] = [];
  private readonly known = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private wakeUp: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly deps: OutboundDialerDeps) {}

  /** The bus consumer of requested calls (a Nest provider through `Reactor`). */
  reactor(): ReactorSpec {
    return {
      name: OUTBOUND_DIALER_CONSUMER,
      events: [OutboundCallRequested],
      react: ({ event }) => {
        this.enqueue(event as RecordedEvent<RequestedCall>);
        return Promise.resolve();
      },
    };
  }

  /**
   * Queues the calls requested and neither claimed nor finished (a restart, a request while down), and
   * finishes as `failed` the calls claimed over an hour ago without an outcome (their dialer stopped
   * mid-call: they are not dialed again, and whoever waits for the outcome is told).
   */
  async recover(): Promise<{ queued: number; abandoned: number }> {
    const requested = new Map<string, RecordedEvent<RequestedCall>>();
    const claimed = new Map<string, RecordedEvent>();
    for (let from: number | undefined; ;) {
      const events = await this.deps.handler.store.readAll({
        filter: { streamPrefixes: [`${OUTBOUND_CALL_CATEGORY}-`] },
        maxCount: PAGE,
        ...(from !== undefined ? { fromPosition: from } : {}),
      });
      for (const event of events) {
        if (event.type === OutboundCallRequested.type)
          requested.set(event.streamId, event as RecordedEvent<RequestedCall>);
        else if (event.type === OutboundCallDialed.type) {
          requested.delete(event.streamId);
          claimed.set(event.streamId, event);
        } else claimed.delete(event.streamId);
      }
      if (events.length < PAGE) break;
      from = events.at(-1)!.position;
    }
    for (const event of requested.values()) this.enqueue(event);
    const now = this.deps.handler.clock.now().getTime();
    const abandoned = [...claimed.values()].filter((e) => now - Date.parse(e.time) > ABANDONED_AFTER_MS);
    for (const event of abandoned) {
      const { callId } = event.data as { callId: string };
      await this.report(callId, this.contextOf(event.metadata, event.id), {
        outcome: 'failed',
        reason: 'the dialer stopped during the call',
      });
    }
    return { queued: requested.size, abandoned: abandoned.length };
  }

  enqueue(event: RecordedEvent<RequestedCall>): void {
    if (this.closed || this.known.has(event.data.callId)) return;
    this.known.add(event.data.callId);
    this.waiting.push({ call: event.data, metadata: event.metadata, eventId: event.id });
    this.pump();
  }

  /** Stops taking calls; the calls under way end first. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.wakeUp);
    await Promise.all(this.running);
  }

  /** Starts what may start now; wakes up when the calling hours open for the rest. */
  private pump(): void {
    clearTimeout(this.wakeUp);
    const untilOpen = this.deps.callingHours.msUntilOpen(this.deps.handler.clock.now());
    while (!this.closed && this.running.size < this.deps.maxCalls) {
      const index = this.waiting.findIndex((w) => untilOpen === 0 || w.call.purpose === 'voice-notice');
      if (index < 0) break;
      const [next] = this.waiting.splice(index, 1);
      const run: Promise<void> = this.dial(next!).finally(() => {
        this.running.delete(run);
        this.known.delete(next!.call.callId); // a redelivery later finds the call claimed
        this.pump();
      });
      this.running.add(run);
    }
    if (!this.closed && this.waiting.length > 0 && untilOpen > 0)
      this.wakeUp = setTimeout(() => this.pump(), Math.min(untilOpen, 2 ** 31 - 1)).unref();
  }

  private async dial({ call, metadata, eventId }: Waiting): Promise<void> {
    const { logger } = this.deps;
    const context = this.contextOf(metadata, eventId);
    try {
      await this.send(DialOutboundCall, commandId(`dial:${this.deps.dialerId}`, call.callId), context, {
        callId: call.callId,
        dialer: this.deps.dialerId,
      });
    } catch (error) {
      if (error instanceof TelephonyRuleViolation && error.code === TelephonyError.OutboundAlreadyDialed) {
        logger.info({ callId: call.callId }, 'outbound call already claimed: not dialed again');
        return;
      }
      logger.error({ err: error, callId: call.callId }, 'outbound call could not be claimed: not dialed');
      return;
    }
    const result: OutboundCallResult =
      call.purpose === 'callback'
        ? { outcome: 'failed', reason: 'callbacks ring an agent phone first: not dialed yet' }
        : await this.deps.place(call).catch((error: unknown) => ({
            outcome: 'failed' as const,
            reason: `the dialer failed: ${error instanceof Error ? error.message : String(error)}`,
          }));
    logger.info(
      { callId: call.callId, outcome: result.outcome, sipStatus: result.sipStatus },
      'outbound call ended',
    );
    await this.report(call.callId, context, result);
  }

  /** The outcome, once per call (the command id derives from the call id). */
  private async report(callId: string, context: MessageMetadata, result: OutboundCallResult): Promise<void> {
    await this.send(ReportOutboundCallOutcome, commandId('outcome', callId), context, {
      callId,
      ...result,
      ...(result.reason ? { reason: result.reason.slice(0, 200) } : {}),
    }).catch((error: unknown) =>
      this.deps.logger.error(
        { err: error, callId, outcome: result.outcome },
        'outbound call outcome not stored',
      ),
    );
  }

  /** The dialer's commands continue the request's correlation; the event is their cause. */
  private contextOf(metadata: MessageMetadata, eventId: string): MessageMetadata {
    return {
      correlationId: metadata.correlationId,
      causationId: eventId,
      actor: systemActor('sipapp'),
      districtId: metadata.districtId,
      ...(metadata.traceparent ? { traceparent: metadata.traceparent } : {}),
    };
  }

  private send(
    definition: typeof DialOutboundCall | typeof ReportOutboundCallOutcome,
    id: string,
    metadata: MessageMetadata,
    data: unknown,
  ) {
    const command = parseCommand(definition, { commandId: id, type: definition.type, data, metadata });
    return handleCommand(this.deps.handler, {
      aggregate: outboundCallAggregate,
      id: (data as { callId: string }).callId,
      command,
    });
  }
}

/** A command id for a step of a call: the call id, or its hash where the pair would not fit. */
function commandId(step: string, callId: string): string {
  const id = `${step}:${callId}`;
  return id.length <= 128 ? id : `${step}:${createHash('sha256').update(callId).digest('hex').slice(0, 40)}`;
}
