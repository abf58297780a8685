import { randomUUID } from 'node:crypto';
import { CaseClosed, CaseCompleted, CaseRegistered, CaseSigned, systemActor } from '@hotline/contracts';
import type { EventBus } from '@hotline/infra/bus';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { ProjectionRunner, type ProjectionSource } from '@hotline/infra/projection';
import { Reactor } from '@hotline/infra/reactor';
import type { ReadStore } from '@hotline/infra/read-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { Registry } from 'prom-client';
import type { CaseNoticeService, SmsSender } from './case-notice.service';
import { noticeOptOutAggregate } from './notice-opt-out.aggregate';
import { loadPendingNotices, pendingNoticesProjection } from './pending-notices.projection';

export const CASE_NOTICES_CONSUMER = 'intake-case-notices';
/** How often held and failed notices are looked at; the quiet hours end on the hour. */
const TICK_MS = 30_000;

/** Where the pending notices are kept between runs (the `intake-pending-notices` projection). */
export interface PendingNoticesStore {
  store: ReadStore;
  source: ProjectionSource;
  registry?: Registry;
}

/**
 * Runs the case notices with the service: a durable consumer of the workflow's events (at least
 * once, in order), a timer for the notices that wait (quiet hours, an SMSC that was down), and the
 * projection of the notices not yet settled, which a start reads them from.
 * Started only with an SMS adapter: without one nothing would ever be sent.
 */
export class CaseNoticeManager {
  private readonly reactor: Reactor;
  private readonly pending: ProjectionRunner;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly service: CaseNoticeService,
    bus: EventBus,
    private readonly commandDeps: CommandHandlerDeps,
    private readonly logger: Logger,
    private readonly pendingStore: PendingNoticesStore,
  ) {
    this.pending = new ProjectionRunner(pendingNoticesProjection(), {
      store: pendingStore.store,
      source: pendingStore.source,
      ...(pendingStore.registry ? { registry: pendingStore.registry } : {}),
      logger,
    });
    this.reactor = new Reactor(
      bus,
      {
        name: CASE_NOTICES_CONSUMER,
        events: [CaseRegistered, CaseSigned, CaseCompleted, CaseClosed],
        react: ({ event }) => service.handle(event),
      },
      logger,
    );
  }

  async start(sender: SmsSender): Promise<void> {
    this.service.useSender(sender);
    // Resumes from its checkpoint: a start reads the notice events since the last run, not all of
    // them. The notices it finds join the ticks once it has caught up; the start does not wait for
    // it (a delivery checks the notice's stream first, so finding one twice sends it once).
    await this.pending.start();
    void this.recover();
    await this.reactor.start();
    this.timer = setInterval(() => {
      this.service.deliverDue().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'held case notices could not be sent; next tick');
      });
    }, TICK_MS);
  }

  private async recover(): Promise<void> {
    try {
      await this.pending.waitUntilCaughtUp();
      this.service.recover(await loadPendingNotices(this.pendingStore.store));
    } catch (error) {
      // Stopped before it caught up: the next start finds them.
      this.logger.warn({ err: error }, 'pending case notices were not recovered');
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reactor.stop();
    await this.pending.stop();
    this.service.useSender(undefined);
  }

  /** A citizen texted an opt-out word: recorded as the OptOutOfNotices command would. */
  async optOut(phone: string): Promise<void> {
    const commandId = `sms-optout-${randomUUID()}`;
    await handleCommand(this.commandDeps, {
      aggregate: noticeOptOutAggregate,
      id: phone,
      command: {
        commandId,
        type: 'OptOutOfNotices',
        data: { phone },
        metadata: { correlationId: commandId, actor: systemActor('channel-sms'), districtId: 'city' },
      },
    });
    this.logger.info({ phone }, 'a citizen opted out of case notices by SMS');
  }
}
