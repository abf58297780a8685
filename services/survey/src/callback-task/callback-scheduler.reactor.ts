import {
  AnswerCallbackTask,
  CASE_CATEGORY,
  CaseCallbackRecorded,
  CaseClosed,
  CaseCompleted,
  MarkCallbackTaskUnreachable,
  ScheduleCallbackTask,
  systemActor,
  type CallbackRatings,
} from '@hotline/contracts';
import type { EventStore } from '@hotline/infra/event-store';
import type { ReactorSpec } from '@hotline/infra/reactor';
import { auditShareOf, drawnForAudit } from '../audit/audit-draw';
import type { CallbackTaskCommands } from './callback-task-commands';
import { caseFactsOf } from './case-facts';

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
 *   or the citizen unreachable, so the manual callback is one way of completing a task (a case
 *   without a task refuses with CALLBACK_TASK_NOT_FOUND, which is logged).
 * The tasks answer a repeated command with nothing new.
 */
export const callbackScheduler = (
  store: EventStore,
  tasks: CallbackTaskCommands,
  audit: AuditSettings,
): ReactorSpec => ({
  name: CALLBACK_SCHEDULER_CONSUMER,
  actor: SURVEY_ACTOR,
  events: [CaseCompleted, CaseClosed, CaseCallbackRecorded],
  refusal: 'survey: a callback task refused the case event',
  react: async ({ event, command }) => {
    const { caseId } = event.data as { caseId: string };
    const events = await store.readStreamOrEmpty(`${CASE_CATEGORY}-${caseId}`);
    const facts = caseFactsOf(events, event.position);
    if (!facts) return;
    const round = Math.max(1, facts.completions);
    if (event.type === CaseCompleted.type) {
      // The case has moved past this completion since (closed, reopened, ended): the task would be
      // refused as not for a completed case. A history replayed from the start has thousands of
      // these; known here, each costs no command, no error and no log line.
      if (caseFactsOf(events)?.status !== 'completed') return;
      await tasks.execute(
        command(ScheduleCallbackTask, 'cb-schedule', {
          taskId: routineTaskId(caseId, round),
          caseId,
          kind: 'routine',
        }),
        { caseEvents: events },
      );
    } else if (event.type === CaseClosed.type) {
      if (!drawnForAudit(audit.seed, caseId, auditShareOf(audit, facts.unitId))) return;
      await tasks.execute(
        command(ScheduleCallbackTask, 'cb-audit', { taskId: auditTaskId(caseId), caseId, kind: 'audit' }),
        { caseEvents: events },
      );
    } else if (event.type === CaseCallbackRecorded.type && event.metadata.actor.id !== SURVEY_ACTOR.id) {
      const taskId = routineTaskId(caseId, round);
      const data = event.data as { reached: boolean; ratings?: CallbackRatings; unitAtFault?: boolean };
      await tasks.execute(
        data.reached && data.ratings
          ? command(AnswerCallbackTask, 'cb-answer', {
              taskId,
              method: 'desk',
              ratings: data.ratings,
              unitAtFault: data.unitAtFault ?? false,
              fromCase: true,
            })
          : command(MarkCallbackTaskUnreachable, 'cb-unreachable', { taskId, fromCase: true }),
      );
    }
  },
});
