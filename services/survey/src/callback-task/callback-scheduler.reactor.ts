import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import {
  AnswerCallbackTask,
  CASE_CATEGORY,
  HotlineError,
  MarkCallbackTaskUnreachable,
  ScheduleCallbackTask,
  systemActor,
  type CallbackRatings,
  type RecordedEvent,
} from '@hotline/contracts';
import { parseCommand } from '@hotline/infra/command';
import type { EventBus, EventConsumer } from '@hotline/infra/bus';
import type { EventStore } from '@hotline/infra/event-store';
import type { Logger } from '@hotline/infra/telemetry';
import { auditShareOf, drawnForAudit } from '../audit/audit-draw';
import type { CallbackTaskCommands } from './callback-task-commands';
import { caseFactsOf } from './case-facts';
import { isFinalRefusal } from './workflow-commands';

export const CALLBACK_SCHEDULER_CONSUMER = 'survey-callback-scheduler';
/** The actor of everything the survey's process managers send; its own events are not reacted to. */
export const SURVEY_ACTOR = systemActor('survey');

export interface AuditSettings {
  seed: string;
  byUnit: Readonly<Record<string, number>>;
  fallback: number;
}

/** The routine task of a case's `round`-th completion, and the audit task of a case. */
export const routineTaskId = (caseId: string, round: number): string => `cb-${caseId}-${round}`;
export const auditTaskId = (caseId: string): string => `audit-${caseId}`;

/**
 * The process manager that turns the case's events into callback tasks:
 * - `CaseCompleted` → a routine task (the next working day; method by the rules);
 * - `CaseClosed` → an audit task when the seeded draw picks the case (the unit's share);
 * - `CaseCallbackRecorded` by someone else (the desk's manual callback) → that task is answered,
 *   or the citizen unreachable, so the manual callback is one way of completing a task.
 * At least once and idempotent: every command id derives from the event id, and the tasks answer a
 * repeat with nothing new. A refusal a retry cannot change is logged; anything else is redelivered.
 */
export class CallbackSchedulerReactor implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly store: EventStore,
    private readonly tasks: CallbackTaskCommands,
    private readonly audit: AuditSettings,
    private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.bus.consume(
      {
        durableName: CALLBACK_SCHEDULER_CONSUMER,
        filter: { eventTypes: ['CaseCompleted', 'CaseClosed', 'CaseCallbackRecorded'] },
      },
      (event) => this.react(event),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async react(event: RecordedEvent): Promise<void> {
    const { caseId } = event.data as { caseId: string };
    try {
      const events = await this.store.readStreamOrEmpty(`${CASE_CATEGORY}-${caseId}`);
      const facts = caseFactsOf(events, event.position);
      if (!facts) return;
      const round = Math.max(1, facts.completions);
      if (event.type === 'CaseCompleted') {
        await this.send(event, ScheduleCallbackTask, 'schedule', {
          taskId: routineTaskId(caseId, round),
          caseId,
          kind: 'routine',
        });
      } else if (event.type === 'CaseClosed') {
        if (!drawnForAudit(this.audit.seed, caseId, auditShareOf(this.audit, facts.unitId))) return;
        await this.send(event, ScheduleCallbackTask, 'audit', {
          taskId: auditTaskId(caseId),
          caseId,
          kind: 'audit',
        });
      } else if (event.type === 'CaseCallbackRecorded' && event.metadata.actor.id !== SURVEY_ACTOR.id) {
        await this.answerFromCase(event, routineTaskId(caseId, round));
      }
    } catch (error) {
      if (!isFinalRefusal(error)) throw error;
      this.logger.warn(
        { err: error, caseId, eventType: event.type },
        'survey: a callback task refused the case event',
      );
    }
  }

  private async answerFromCase(event: RecordedEvent, taskId: string): Promise<void> {
    const data = event.data as { reached: boolean; ratings?: CallbackRatings; unitAtFault?: boolean };
    if (data.reached && data.ratings) {
      await this.send(event, AnswerCallbackTask, 'answer', {
        taskId,
        method: 'desk',
        ratings: data.ratings,
        unitAtFault: data.unitAtFault ?? false,
        fromCase: true,
      });
    } else {
      await this.send(event, MarkCallbackTaskUnreachable, 'unreachable', { taskId, fromCase: true });
    }
  }

  private async send(
    cause: RecordedEvent,
    definition: typeof ScheduleCallbackTask | typeof AnswerCallbackTask | typeof MarkCallbackTaskUnreachable,
    step: string,
    data: unknown,
  ): Promise<void> {
    const command = parseCommand(definition, {
      commandId: `cb-${step}-${cause.id}`,
      type: definition.type,
      data,
      metadata: {
        correlationId: cause.metadata.correlationId,
        causationId: cause.id,
        actor: SURVEY_ACTOR,
        districtId: cause.metadata.districtId,
      },
    });
    try {
      await this.tasks.execute(command);
    } catch (error) {
      if (error instanceof HotlineError && error.code === 'CALLBACK_TASK_NOT_FOUND') {
        this.logger.info(
          { caseId: (data as { caseId?: string }).caseId },
          'survey: no task for a manual callback',
        );
        return;
      }
      throw error;
    }
  }
}
