import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { CallbackRatings, CallbackTaskEvent, RecordedEvent } from '@hotline/contracts';
import type { EventBus, EventConsumer } from '@hotline/infra/bus';
import type { EventStore } from '@hotline/infra/event-store';
import type { Logger } from '@hotline/infra/telemetry';
import { callbackTaskAggregate } from './callback-task.aggregate';
import { isFinalRefusal, type WorkflowCommands } from './workflow-commands';

export const CALLBACK_OUTCOME_CONSUMER = 'survey-callback-outcomes';

const RATING_TEXT = { satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意' } as const;

/** The redo reason the unit reads: which dimensions the citizen was dissatisfied with. */
export function redoReason(ratings: CallbackRatings, comment?: string): string {
  const names = { efficiency: '办理效率', attitude: '服务态度', result: '办理结果' } as const;
  const parts = (Object.keys(names) as (keyof typeof names)[]).map(
    (d) => `${names[d]}${RATING_TEXT[ratings[d]]}`,
  );
  return `回访不满意，承办单位有责：${parts.join('，')}${comment ? `。市民意见：${comment}` : ''}`;
}

/**
 * The process manager that carries a callback's outcome onto the case (workflow's own commands):
 * - answered (or judged by the center) → `RecordCaseCallback`; then, dissatisfied with the unit at
 *   fault → `RedoCase` (重办), otherwise → `CloseCase`;
 * - unreachable → `RecordCaseCallback` (not reached) and `CloseCase`;
 * - waived → `CloseCase` with the waiver (opted out = citizen declined, no number = anonymous).
 * Audit tasks and answers recorded on the case itself (the desk) are not carried back. Command ids
 * derive from the event id; a case that refuses (already closed, redone) is logged, not retried.
 */
export class CallbackOutcomeReactor implements OnApplicationBootstrap, OnModuleDestroy {
  private consumer: EventConsumer | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly store: EventStore,
    private readonly workflow: WorkflowCommands,
    private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.consumer = await this.bus.consume(
      {
        durableName: CALLBACK_OUTCOME_CONSUMER,
        filter: {
          eventTypes: [
            'CallbackTaskAnswered',
            'CallbackFaultJudged',
            'CallbackTaskUnreachable',
            'CallbackTaskWaived',
          ],
        },
      },
      (event) => this.react(event),
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
  }

  async react(recorded: RecordedEvent): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as CallbackTaskEvent;
    const caseId = event.data.caseId;
    try {
      await this.carry(recorded, event);
    } catch (error) {
      if (!isFinalRefusal(error)) throw error;
      this.logger.warn(
        { err: error, caseId, eventType: event.type },
        'survey: the case refused a callback outcome',
      );
    }
  }

  private async carry(recorded: RecordedEvent, event: CallbackTaskEvent): Promise<void> {
    switch (event.type) {
      case 'CallbackTaskAnswered': {
        const { kind, fromCase, faultReviewNeeded, caseId, ratings, unitAtFault, comment } = event.data;
        if (kind === 'audit' || fromCase || faultReviewNeeded) return;
        return this.answered(recorded, caseId, ratings, unitAtFault ?? false, comment);
      }
      case 'CallbackFaultJudged': {
        const { state } = await callbackTaskAggregate.load(this.store, event.data.taskId);
        const task = state.task;
        if (!task?.ratings || task.kind === 'audit') return;
        return this.answered(recorded, task.caseId, task.ratings, event.data.unitAtFault);
      }
      case 'CallbackTaskUnreachable':
        if (event.data.kind === 'audit' || event.data.fromCase) return;
        await this.workflow.recordCallback(recorded, event.data.caseId, {
          reached: false,
          note: `${event.data.attempts} 次联系未果`,
        });
        await this.workflow.close(recorded, event.data.caseId);
        return;
      case 'CallbackTaskWaived':
        if (event.data.kind === 'audit') return;
        await this.workflow.close(
          recorded,
          event.data.caseId,
          event.data.reason === 'opted-out' ? 'citizen-declined' : 'anonymous',
        );
        return;
      case 'CallbackTaskScheduled':
      case 'CallbackSurveyLinkIssued':
      case 'CallbackSurveyCallRequested':
      case 'CallbackAttemptFailed':
      case 'CallbackAuditDisagreed':
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unknown callback task event ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async answered(
    recorded: RecordedEvent,
    caseId: string,
    ratings: CallbackRatings,
    unitAtFault: boolean,
    comment?: string,
  ): Promise<void> {
    const dissatisfied = Object.values(ratings).includes('dissatisfied');
    await this.workflow.recordCallback(recorded, caseId, {
      reached: true,
      ratings,
      unitAtFault: dissatisfied && unitAtFault,
      ...(comment ? { note: comment } : {}),
    });
    if (dissatisfied && unitAtFault) await this.workflow.redo(recorded, caseId, redoReason(ratings, comment));
    else await this.workflow.close(recorded, caseId);
  }
}
