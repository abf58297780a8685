import { randomUUID } from 'node:crypto';
import { systemActor } from '@hotline/contracts';
import type { EventBus, EventConsumer } from '@hotline/infra/bus';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import type { Logger } from '@hotline/infra/telemetry';
import { NOTICE_CASE_EVENTS, type CaseNoticeService, type SmsSender } from './case-notice.service';
import { noticeOptOutAggregate } from './notice-opt-out.aggregate';

export const CASE_NOTICES_CONSUMER = 'intake-case-notices';
/** How often held and failed notices are looked at; the quiet hours end on the hour. */
const TICK_MS = 30_000;

/**
 * Runs the case notices with the service: a durable consumer of the workflow's events (at least
 * once, in order) and a timer for the notices that wait (quiet hours, an SMSC that was down).
 * Started only with an SMS adapter: without one nothing would ever be sent.
 */
export class CaseNoticeManager {
  private consumer: EventConsumer | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly service: CaseNoticeService,
    private readonly bus: EventBus,
    private readonly commandDeps: CommandHandlerDeps,
    private readonly logger: Logger,
  ) {}

  async start(sender: SmsSender): Promise<void> {
    this.service.useSender(sender);
    await this.service.recover();
    this.consumer = await this.bus.consume(
      { durableName: CASE_NOTICES_CONSUMER, filter: { eventTypes: NOTICE_CASE_EVENTS } },
      (event) => this.service.handle(event),
    );
    this.timer = setInterval(() => {
      this.service.deliverDue().catch((error: unknown) => {
        this.logger.warn({ err: error }, 'held case notices could not be sent; next tick');
      });
    }, TICK_MS);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.consumer?.stop();
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
