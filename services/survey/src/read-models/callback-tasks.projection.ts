import type { CallbackTaskEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { SurveyCollection, chinaDay } from './survey-collections';

const TASKS = SurveyCollection.callbackTasks;
const SATISFACTION = SurveyCollection.satisfaction;

/** The satisfaction groupings kept as counters; periods are summed from the district rows. */
const GROUPINGS = ['unit', 'category', 'district'] as const;

/**
 * The callback queue (one document per task, its status and outcome) and the satisfaction counters
 * (per unit, category and district and China day; routine and center callbacks, not audits). Every
 * write is guarded by the event's position, so a replay changes nothing.
 */
export const callbackTasksProjection = (): Projection => ({
  name: 'survey-callback-tasks',
  version: 1,
  collections: [TASKS, SATISFACTION],
  filter: { streamPrefixes: ['callbackTask-'] },
  async setup(store: ReadStore) {
    const tasks = store.collection(TASKS);
    await tasks.createIndex({ districtId: 1, status: 1, dueAt: 1 });
    await tasks.createIndex({ status: 1, method: 1, dueAt: 1 });
    await tasks.createIndex({ status: 1, smsDueAt: 1 });
    await tasks.createIndex({ dueAt: 1 });
    await store.collection(SATISFACTION).createIndex({ by: 1, day: 1 });
  },
  async handle(recorded: RecordedEvent, store: ReadStore, context: ProjectionContext) {
    const event = { type: recorded.type, data: recorded.data } as CallbackTaskEvent;
    const { taskId } = event.data;
    const at = recorded.time;
    switch (event.type) {
      case 'CallbackTaskScheduled': {
        const { phone: _phone, ...data } = event.data;
        context.guardedUpdate(TASKS, taskId, {
          $set: {
            ...data,
            districtId: recorded.metadata.districtId,
            status: 'scheduled',
            attempts: 0,
            scheduledAt: at,
          },
        });
        return;
      }
      case 'CallbackSurveyLinkIssued':
        // The link's SMS is due at once (`smsDueAt`, what the due runner looks for).
        context.guardedUpdate(TASKS, taskId, {
          $set: {
            status: 'link-sent',
            linkExpiresAt: event.data.expiresAt,
            smsDueAt: at,
            sms: { status: 'sending', tries: 0 },
          },
        });
        return;
      case 'CallbackSmsSent':
        context.guardedUpdate(TASKS, taskId, {
          $set: { 'sms.status': 'sent', 'sms.parts': event.data.parts, 'sms.at': at },
          $unset: { smsDueAt: '' },
        });
        return;
      case 'CallbackSmsDeferred':
        context.guardedUpdate(TASKS, taskId, {
          $set: { 'sms.status': 'deferred', smsDueAt: event.data.notBefore },
        });
        return;
      case 'CallbackSmsFailed': {
        const { tries, reason, retryAt, fallback } = event.data;
        const sms = { 'sms.tries': tries, 'sms.reason': reason, 'sms.at': at };
        context.guardedUpdate(
          TASKS,
          taskId,
          fallback
            ? {
                $set: { ...sms, 'sms.status': 'failed', status: 'scheduled', method: fallback, dueAt: at },
                $unset: { smsDueAt: '' },
              }
            : { $set: { ...sms, 'sms.status': 'retrying', smsDueAt: retryAt } },
        );
        return;
      }
      case 'CallbackSurveyCallRequested':
        context.guardedUpdate(TASKS, taskId, { $set: { status: 'call-requested' } });
        return;
      case 'CallbackAttemptFailed':
        context.guardedUpdate(TASKS, taskId, {
          $set: {
            status: 'scheduled',
            attempts: event.data.attempt,
            lastFailure: event.data.failure,
            ...(event.data.retryAt ? { dueAt: event.data.retryAt } : {}),
          },
        });
        return;
      case 'CallbackTaskAnswered': {
        const { ratings, dissatisfied, faultReviewNeeded, method, comment, unitAtFault } = event.data;
        context.guardedUpdate(TASKS, taskId, {
          $set: {
            status: faultReviewNeeded ? 'fault-review' : 'answered',
            answeredBy: method,
            ratings,
            dissatisfied,
            ...(unitAtFault !== undefined ? { unitAtFault } : {}),
            ...(comment !== undefined ? { comment } : {}),
            outcomeAt: at,
          },
        });
        if (event.data.kind !== 'audit') await countAnswer(store, context, taskId, ratings, at);
        return;
      }
      case 'CallbackFaultJudged':
        context.guardedUpdate(TASKS, taskId, {
          $set: { status: 'answered', unitAtFault: event.data.unitAtFault },
        });
        return;
      case 'CallbackTaskUnreachable':
        context.guardedUpdate(TASKS, taskId, { $set: { status: 'unreachable', outcomeAt: at } });
        return;
      case 'CallbackTaskWaived':
        context.guardedUpdate(TASKS, taskId, {
          $set: { status: 'waived', waiver: event.data.reason, outcomeAt: at },
        });
        return;
      case 'CallbackAuditDisagreed':
        context.guardedUpdate(TASKS, taskId, { $set: { auditDisagreed: true } });
        return;
      default: {
        const unknown: never = event;
        throw new Error(`unknown callback task event ${JSON.stringify(unknown)}`);
      }
    }
  },
});

/** Adds one answer to the day's counters of its unit, category and district. */
async function countAnswer(
  store: ReadStore,
  context: ProjectionContext,
  taskId: string,
  ratings: Record<string, string>,
  at: string,
): Promise<void> {
  const task = await store
    .collection(TASKS)
    .findOne<{ unitId?: string; categoryCode?: string; districtId?: string }>({ _id: taskId });
  if (!task) return;
  const day = chinaDay(at);
  const keys = { unit: task.unitId, category: task.categoryCode, district: task.districtId };
  const inc: Record<string, number> = { evaluated: 1 };
  for (const [dimension, rating] of Object.entries(ratings)) inc[`${dimension}.${rating}`] = 1;
  const overall = Object.values(ratings).includes('dissatisfied') ? 'dissatisfied' : 'satisfied';
  inc[`overall.${overall}`] = 1;
  for (const by of GROUPINGS) {
    const key = keys[by];
    if (key === undefined) continue;
    context.guardedUpdate(SATISFACTION, `${by}|${key}|${day}`, {
      $set: { by, key, day, districtId: task.districtId ?? 'city' },
      $inc: inc,
    });
  }
}
