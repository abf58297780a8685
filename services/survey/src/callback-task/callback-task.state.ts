import type {
  CallbackMethod,
  CallbackRatings,
  CallbackTaskEvent,
  CallbackTaskKind,
  CallbackTaskStatus,
} from '@hotline/contracts';

/** One callback task, folded from `callbackTask-<taskId>`. */
export interface CallbackTask {
  taskId: string;
  caseId: string;
  kind: CallbackTaskKind;
  method: CallbackMethod;
  maxAttempts: number;
  attempts: number;
  status: CallbackTaskStatus;
  unitId?: string;
  phone?: string;
  linkExpiresAt?: string;
  /** The SMS of the current link: how many tries failed, and whether the SMSC took it. */
  sms?: { tries: number; sent: boolean };
  ratings?: CallbackRatings;
}

export interface CallbackTaskState {
  task?: CallbackTask;
}

/** A task in one of these states takes no more attempts or answers. */
export const FINISHED: ReadonlySet<CallbackTaskStatus> = new Set(['answered', 'unreachable', 'waived']);

export function evolve(state: CallbackTaskState, event: CallbackTaskEvent): CallbackTaskState {
  if (event.type === 'CallbackTaskScheduled') {
    const { taskId, caseId, kind, method, maxAttempts, unitId, phone } = event.data;
    return {
      task: {
        taskId,
        caseId,
        kind,
        method,
        maxAttempts,
        attempts: 0,
        status: 'scheduled',
        ...(unitId !== undefined ? { unitId } : {}),
        ...(phone !== undefined ? { phone } : {}),
      },
    };
  }
  const task = state.task;
  if (!task) return state;
  switch (event.type) {
    case 'CallbackSurveyLinkIssued':
      return {
        task: {
          ...task,
          status: 'link-sent',
          linkExpiresAt: event.data.expiresAt,
          sms: { tries: 0, sent: false },
        },
      };
    case 'CallbackSmsSent':
      return { task: { ...task, sms: { tries: task.sms?.tries ?? 0, sent: true } } };
    case 'CallbackSmsDeferred':
      return state;
    case 'CallbackSmsFailed': {
      const sms = { tries: event.data.tries, sent: false };
      const { fallback } = event.data;
      return { task: fallback ? { ...task, sms, method: fallback, status: 'scheduled' } : { ...task, sms } };
    }
    case 'CallbackSurveyCallRequested':
      return { task: { ...task, status: 'call-requested' } };
    case 'CallbackAttemptFailed':
      return { task: { ...task, attempts: event.data.attempt, status: 'scheduled' } };
    case 'CallbackTaskAnswered':
      return {
        task: {
          ...task,
          ratings: event.data.ratings,
          status: event.data.faultReviewNeeded ? 'fault-review' : 'answered',
        },
      };
    case 'CallbackFaultJudged':
      return { task: { ...task, status: 'answered' } };
    case 'CallbackTaskUnreachable':
      return { task: { ...task, status: 'unreachable' } };
    case 'CallbackTaskWaived':
      return { task: { ...task, status: 'waived' } };
    case 'CallbackAuditDisagreed':
      return state;
    default: {
      const unknown: never = event;
      throw new Error(`unknown callback task event ${JSON.stringify(unknown)}`);
    }
  }
}
