import {
  CallbackFaultJudged,
  CallbackTaskAnswered,
  CallbackTaskUnreachable,
  CallbackTaskWaived,
  type CallbackRatings,
  type CallbackTaskEvent,
} from '@hotline/contracts';
import type { EventStore } from '@hotline/infra/event-store';
import type { Reaction, ReactorSpec } from '@hotline/infra/reactor';
import { SURVEY_ACTOR } from './callback-scheduler.reactor';
import { callbackTaskAggregate } from './callback-task.aggregate';
import type { WorkflowCommands } from './workflow-commands';

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
 * Audit tasks and answers recorded on the case itself (the desk) are not carried back. A case that
 * refuses (already closed, redone) is logged, not retried.
 */
export function callbackOutcomes(store: EventStore, workflow: WorkflowCommands): ReactorSpec {
  const answered = async (
    reaction: Reaction,
    caseId: string,
    ratings: CallbackRatings,
    unitAtFault: boolean,
    comment?: string,
  ): Promise<void> => {
    const dissatisfied = Object.values(ratings).includes('dissatisfied');
    await workflow.recordCallback(reaction, caseId, {
      reached: true,
      ratings,
      unitAtFault: dissatisfied && unitAtFault,
      ...(comment ? { note: comment } : {}),
    });
    if (dissatisfied && unitAtFault) await workflow.redo(reaction, caseId, redoReason(ratings, comment));
    else await workflow.close(reaction, caseId);
  };

  return {
    name: CALLBACK_OUTCOME_CONSUMER,
    actor: SURVEY_ACTOR,
    events: [CallbackTaskAnswered, CallbackFaultJudged, CallbackTaskUnreachable, CallbackTaskWaived],
    refusal: 'survey: the case refused a callback outcome',
    react: async (reaction) => {
      const event = { type: reaction.event.type, data: reaction.event.data } as CallbackTaskEvent;
      switch (event.type) {
        case 'CallbackTaskAnswered': {
          const { kind, fromCase, faultReviewNeeded, caseId, ratings, unitAtFault, comment } = event.data;
          if (kind === 'audit' || fromCase || faultReviewNeeded) return;
          return answered(reaction, caseId, ratings, unitAtFault ?? false, comment);
        }
        case 'CallbackFaultJudged': {
          const { state } = await callbackTaskAggregate.load(store, event.data.taskId);
          const task = state.task;
          if (!task?.ratings || task.kind === 'audit') return;
          return answered(reaction, task.caseId, task.ratings, event.data.unitAtFault);
        }
        case 'CallbackTaskUnreachable':
          if (event.data.kind === 'audit' || event.data.fromCase) return;
          await workflow.recordCallback(reaction, event.data.caseId, {
            reached: false,
            note: `${event.data.attempts} 次联系未果`,
          });
          await workflow.close(reaction, event.data.caseId);
          return;
        case 'CallbackTaskWaived':
          if (event.data.kind === 'audit') return;
          await workflow.close(
            reaction,
            event.data.caseId,
            event.data.reason === 'opted-out' ? 'citizen-declined' : 'anonymous',
          );
          return;
        case 'CallbackTaskScheduled':
        case 'CallbackSurveyLinkIssued':
        case 'CallbackSmsSent':
        case 'CallbackSmsDeferred':
        case 'CallbackSmsFailed':
        case 'CallbackSurveyCallRequested':
        case 'CallbackAttemptFailed':
        case 'CallbackAuditDisagreed':
          return;
        default: {
          const unknown: never = event;
          throw new Error(`unknown callback task event ${JSON.stringify(unknown)}`);
        }
      }
    },
  };
}
