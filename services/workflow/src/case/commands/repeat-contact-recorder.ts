import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HotlineError, RecordCaseRepeatContact, systemActor, type RecordedEvent } from '@hotline/contracts';
import { parseCommand } from '@hotline/infra/command';
import type { EventBus, EventConsumer } from '@hotline/infra/bus';
import type { Logger } from '@hotline/infra/telemetry';
import type { CaseCommandService } from './case-command.service';

export const REPEAT_CONTACT_CONSUMER = 'workflow-repeat-contacts';

/**
 * The process manager that carries intake's repeat contacts onto the case: when intake merges a
 * contact into an open case (`ContactMergedIntoCase`, 并单), it sends `RecordCaseRepeatContact`, so
 * the case itself holds its repeat count (the escalation ladder reads it from the case's events).
 *
 * At least once and idempotent twice over: the command id derives from the event id (a redelivered
 * event answers the first result) and the case counts a contact id once (a second merge event for
 * the same contact adds nothing). A case that refuses (unknown, another district) is logged, not
 * retried: retrying cannot change its answer. Anything else fails the delivery, which is redelivered.
 */
export class RepeatContactRecorder implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly commands: CaseCommandService,
    private readonly logger?: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.bus.consume(
      { durableName: REPEAT_CONTACT_CONSUMER, filter: { eventTypes: ['ContactMergedIntoCase'] } },
      (event) => this.record(event),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  private async record(event: RecordedEvent): Promise<void> {
    const { caseId, contactId, automatic } = event.data as {
      caseId: string;
      contactId: string;
      automatic: boolean;
    };
    try {
      await this.commands.execute(
        parseCommand(RecordCaseRepeatContact, {
          commandId: `repeat-${event.id}`,
          type: 'RecordCaseRepeatContact',
          data: { caseId, contactId, automatic },
          metadata: {
            correlationId: event.metadata.correlationId,
            causationId: event.id,
            actor: systemActor(REPEAT_CONTACT_CONSUMER),
            districtId: event.metadata.districtId,
          },
        }),
      );
    } catch (error) {
      const refused =
        error instanceof HotlineError &&
        ['rule', 'forbidden', 'not-found', 'validation'].includes(error.kind);
      if (!refused) throw error;
      this.logger?.warn({ err: error, caseId, contactId }, 'the case refused a repeat contact');
    }
  }
}
