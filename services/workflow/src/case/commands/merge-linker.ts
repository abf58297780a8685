import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HotlineError, LinkDuplicateCase, systemActor, type RecordedEvent } from '@hotline/contracts';
import { parseCommand } from '@hotline/infra/command';
import type { EventBus, EventConsumer } from '@hotline/infra/bus';
import type { Logger } from '@hotline/infra/telemetry';
import type { CaseCommandService } from './case-command.service';

export const MERGE_LINKER_CONSUMER = 'workflow-merge-linker';

/**
 * The process manager of 并单: when a duplicate is merged (`CaseMerged` on the duplicate), it links
 * the duplicate on the master (`LinkDuplicateCase`) so that both citizens are answered. The command
 * id derives from the event id: a redelivered event links once. A master that refuses the link
 * (declined, itself merged) is logged, not retried: retrying cannot change its mind.
 */
export class MergeLinker implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly commands: CaseCommandService,
    private readonly logger?: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.bus.consume(
      { durableName: MERGE_LINKER_CONSUMER, filter: { eventTypes: ['CaseMerged'] } },
      (event) => this.link(event),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  private async link(event: RecordedEvent): Promise<void> {
    const { caseId, masterCaseId } = event.data as { caseId: string; masterCaseId: string };
    try {
      await this.commands.execute(
        parseCommand(LinkDuplicateCase, {
          commandId: `link-${event.id}`,
          type: 'LinkDuplicateCase',
          data: { caseId: masterCaseId, duplicateCaseId: caseId },
          metadata: {
            correlationId: event.metadata.correlationId,
            causationId: event.id,
            actor: systemActor('workflow-merge-linker'),
            districtId: event.metadata.districtId,
          },
        }),
      );
    } catch (error) {
      if (
        !(error instanceof HotlineError) ||
        (error.kind !== 'rule' && error.kind !== 'forbidden' && error.kind !== 'not-found')
      )
        throw error;
      this.logger?.warn({ err: error, caseId, masterCaseId }, 'the master case refused the merged duplicate');
    }
  }
}
