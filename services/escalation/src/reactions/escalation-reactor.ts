import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  HotlineError,
  OpenSupervision,
  SendLadderNotice,
  SendReminder,
  systemActor,
  type Clock,
  type RecordedEvent,
  type SupervisionLevel,
  type SupervisionScope,
  type WorkingCalendar,
} from '@hotline/contracts';
import type { EventBus, EventConsumer } from '@hotline/infra/bus';
import { handleCommand, parseCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import type { Logger } from '@hotline/infra/telemetry';
import { loadCaseFacts } from '../case-facts/case-facts';
import { caseEscalationAggregate } from '../deadlines/case-escalation.aggregate';
import type { ReminderCommands } from '../reminders/reminder.endpoints';
import { supervisionAggregate } from '../supervision/supervision.aggregate';

export const REACTIONS_CONSUMER = 'escalation-reactions';
const ACTOR = systemActor(REACTIONS_CONSUMER);

export interface EscalationReactorOptions {
  bus: EventBus;
  handler: CommandHandlerDeps;
  reminders: ReminderCommands;
  clock: Clock;
  calendar: () => WorkingCalendar;
  /** Due points that remind the unit by themselves. */
  reminderPoints: ReadonlySet<string>;
  autoSupervision: boolean;
  rectifyHalfDays: number;
  logger?: Logger;
}

/**
 * The process manager of escalation: automatic reminders at the configured due points, automatic
 * supervision for the scopes of DOMAIN.md (overdue, buck-passing: two returns, the same matter three
 * times, a redo under supervision after a dissatisfied callback, a leader's instruction) and the
 * repeat ladder. At least once and idempotent: every command id derives from the event (or from the
 * case for a scope that is opened once per case); a refusal (the case closed meanwhile) is logged,
 * anything else fails the delivery, which is redelivered.
 */
export class EscalationReactor implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: EventConsumer | undefined;

  constructor(private readonly options: EscalationReactorOptions) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.options.bus.consume(
      {
        durableName: REACTIONS_CONSUMER,
        filter: {
          eventTypes: [
            'CaseDeadlinePointReached',
            'CaseRedispatched',
            'CaseRepeatContactRecorded',
            'CaseLeaderInstructionRecorded',
            'CaseRedone',
          ],
        },
      },
      (event) => this.react(event),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  private async react(event: RecordedEvent): Promise<void> {
    const data = event.data as Record<string, unknown>;
    const caseId = data.caseId as string;
    const auto = this.options.autoSupervision;
    switch (event.type) {
      case 'CaseDeadlinePointReached': {
        const point = data.point as string;
        if (this.options.reminderPoints.has(point)) {
          await this.refusable(() =>
            this.options.reminders.execute(
              parseCommand(
                SendReminder,
                this.envelope(event, `remind:${event.id}`, 'SendReminder', {
                  reminderId: `auto.${event.id}`,
                  caseId,
                  point,
                }),
              ),
            ),
          );
        }
        if (auto && point === 'overdue')
          await this.supervise(event, `overdue.${caseId}`, 'overdue', '案件超期未办结，自动督办');
        return;
      }
      case 'CaseRedispatched': {
        if (!auto) return;
        const facts = await loadCaseFacts(this.options.handler.store, caseId);
        if (facts && facts.returns >= 2) {
          await this.supervise(
            event,
            `buck-passing.${caseId}`,
            'buck-passing',
            `单位间推诿：已退单 ${facts.returns} 次`,
          );
        }
        return;
      }
      case 'CaseRepeatContactRecorded': {
        const repeatCount = data.repeatCount as number;
        const facts = await loadCaseFacts(this.options.handler.store, caseId);
        await this.refusable(() =>
          handleCommand(this.options.handler, {
            aggregate: caseEscalationAggregate,
            id: caseId,
            command: parseCommand(
              SendLadderNotice,
              this.envelope(event, `ladder:${event.id}`, 'SendLadderNotice', {
                caseId,
                repeatCount,
                ...(facts?.unitId ? { unitId: facts.unitId } : {}),
              }),
            ),
          }),
        );
        // The first contact and two repeats: the same matter three times.
        if (auto && repeatCount >= 2) {
          const level: SupervisionLevel = repeatCount >= 3 ? 'city-government' : 'center';
          await this.supervise(
            event,
            `repeat.${caseId}`,
            'repeat-complaint',
            `同一诉求重复来电 ${repeatCount + 1} 次`,
            level,
          );
        }
        return;
      }
      case 'CaseLeaderInstructionRecorded':
        if (auto)
          await this.supervise(
            event,
            `instruction.${event.id}`,
            'leader-instruction',
            String(data.instruction),
          );
        return;
      case 'CaseRedone':
        if (auto && data.underSupervision === true) {
          await this.supervise(event, `redo.${event.id}`, 'dissatisfied-callback', '回访不满意，重办督办');
        }
        return;
      default:
        return;
    }
  }

  private async supervise(
    event: RecordedEvent,
    supervisionId: string,
    scope: SupervisionScope,
    note: string,
    level: SupervisionLevel = 'center',
  ): Promise<void> {
    const { clock, calendar, rectifyHalfDays, handler } = this.options;
    const rectifyBy = calendar()
      .addWorkingDays(clock.now(), rectifyHalfDays / 2)
      .toISOString();
    const caseId = (event.data as { caseId: string }).caseId;
    await this.refusable(() =>
      handleCommand(handler, {
        aggregate: supervisionAggregate,
        id: supervisionId,
        command: parseCommand(
          OpenSupervision,
          this.envelope(event, `supervise:${supervisionId}`, 'OpenSupervision', {
            supervisionId,
            caseId,
            scope,
            level,
            rectifyBy,
            note: note.slice(0, 2000),
          }),
        ),
        context: async () => ({ case: await loadCaseFacts(handler.store, caseId) }),
      }),
    );
  }

  private envelope(event: RecordedEvent, commandId: string, type: string, data: unknown) {
    return {
      commandId: commandId.slice(0, 128),
      type,
      data,
      metadata: {
        correlationId: event.metadata.correlationId,
        causationId: event.id,
        actor: ACTOR,
        districtId: event.metadata.districtId,
      },
    };
  }

  private async refusable(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      const refused =
        error instanceof HotlineError &&
        ['rule', 'forbidden', 'not-found', 'validation'].includes(error.kind);
      if (!refused) throw error;
      this.options.logger?.info({ err: error }, 'an automatic escalation was refused');
    }
  }
}
