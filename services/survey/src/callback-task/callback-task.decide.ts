import type {
  AnswerCallbackTask,
  CallbackTaskCommand,
  CallbackTaskEvent,
  CommandOf,
  RecordCallbackSms,
  ScheduleCallbackTask,
} from '@hotline/contracts';
import type { DecideContext } from '@hotline/infra/command';
import { callbackDueAfter, methodFor, type CallbackRules } from './callback-rules';
import { CallbackTaskError, CallbackTaskRuleViolation } from './callback-task.errors';
import { FINISHED, type CallbackTask, type CallbackTaskState } from './callback-task.state';
import type { CaseFacts } from './case-facts';

/** What a decision needs besides the command and the task: the rules, and for scheduling the case. */
export interface CallbackTaskContext {
  rules: CallbackRules;
  /** The case's facts (scheduling only; undefined when the case does not exist). */
  facts?: CaseFacts;
  /** The citizen's number opted out of surveys (scheduling only). */
  optedOut?: boolean;
}

type Context = DecideContext & CallbackTaskContext;

const ROLES = {
  schedule: ['center', 'system'],
  send: ['center', 'system'],
  answer: ['agent', 'center', 'system', 'citizen'],
  attempt: ['agent', 'center', 'system'],
  judge: ['center'],
};

function requireRole(context: Context, roles: readonly string[], what: string): void {
  if (!roles.includes(context.actor.role)) {
    throw new CallbackTaskRuleViolation(
      CallbackTaskError.RoleNotAllowed,
      `${what} is not for role ${context.actor.role}`,
    );
  }
}

function requireTask(state: CallbackTaskState, taskId: string): CallbackTask {
  if (!state.task)
    throw new CallbackTaskRuleViolation(
      CallbackTaskError.TaskNotFound,
      `taskId: no callback task ${taskId}`,
      {
        field: 'taskId',
      },
    );
  return state.task;
}

function requireOpen(task: CallbackTask, what: string): void {
  if (FINISHED.has(task.status) || task.status === 'fault-review')
    throw new CallbackTaskRuleViolation(
      CallbackTaskError.TaskFinished,
      `${what}: the callback task is already ${task.status}`,
    );
}

export function decide(
  command: CallbackTaskCommand,
  state: CallbackTaskState,
  context: Context,
): CallbackTaskEvent[] {
  switch (command.type) {
    case 'ScheduleCallbackTask':
      return schedule(command.data, state, context);
    case 'IssueCallbackSurveyLink': {
      requireRole(context, ROLES.send, 'sending a survey link');
      const task = requireTask(state, command.data.taskId);
      if (task.status === 'link-sent') return [];
      requireOpen(task, 'a survey link');
      if (task.method !== 'sms' || task.phone === undefined)
        throw new CallbackTaskRuleViolation(CallbackTaskError.WrongMethod, 'the task is not made by SMS');
      const expiresAt = new Date(context.now.getTime() + context.rules.linkValidHours * 3_600_000);
      return [
        {
          type: 'CallbackSurveyLinkIssued',
          data: { taskId: task.taskId, caseId: task.caseId, expiresAt: expiresAt.toISOString() },
        },
      ];
    }
    case 'RecordCallbackSms':
      return recordSms(command.data, state, context);
    case 'RequestCallbackSurveyCall': {
      requireRole(context, ROLES.send, 'an automated survey call');
      const task = requireTask(state, command.data.taskId);
      if (task.status === 'call-requested') return [];
      requireOpen(task, 'an automated survey call');
      if (task.method !== 'ivr' || task.phone === undefined)
        throw new CallbackTaskRuleViolation(CallbackTaskError.WrongMethod, 'the task is not made by the IVR');
      return [
        {
          type: 'CallbackSurveyCallRequested',
          data: { taskId: task.taskId, caseId: task.caseId, attempt: task.attempts + 1 },
        },
      ];
    }
    case 'RecordCallbackAttempt': {
      requireRole(context, ROLES.attempt, 'recording an attempt');
      const task = requireTask(state, command.data.taskId);
      requireOpen(task, 'an attempt');
      const attempt = task.attempts + 1;
      const { method, failure } = command.data;
      const data = { taskId: task.taskId, caseId: task.caseId, method, failure, attempt };
      if (attempt < task.maxAttempts) {
        const retryAt = new Date(context.now.getTime() + context.rules.retryAfterMinutes * 60_000);
        return [{ type: 'CallbackAttemptFailed', data: { ...data, retryAt: retryAt.toISOString() } }];
      }
      return [{ type: 'CallbackAttemptFailed', data }, unreachable(task, attempt, false)];
    }
    case 'AnswerCallbackTask':
      return answer(command.data, state, context);
    case 'JudgeCallbackFault': {
      requireRole(context, ROLES.judge, 'judging fault');
      const task = requireTask(state, command.data.taskId);
      if (task.status !== 'fault-review')
        throw new CallbackTaskRuleViolation(
          CallbackTaskError.NoFaultToJudge,
          'only a dissatisfied answer waiting for review is judged',
        );
      const { unitAtFault } = command.data;
      return [
        { type: 'CallbackFaultJudged', data: { taskId: task.taskId, caseId: task.caseId, unitAtFault } },
      ];
    }
    case 'MarkCallbackTaskUnreachable': {
      requireRole(context, ROLES.attempt, 'marking a citizen unreachable');
      const task = requireTask(state, command.data.taskId);
      if (FINISHED.has(task.status) || task.status === 'fault-review') return [];
      return [unreachable(task, task.attempts, command.data.fromCase)];
    }
    case 'WaiveCallbackTask': {
      requireRole(context, ROLES.send, 'waiving a callback');
      const task = requireTask(state, command.data.taskId);
      if (FINISHED.has(task.status) || task.status === 'fault-review') return [];
      return [waived(task, command.data.reason)];
    }
    default: {
      const unknown: never = command;
      throw new Error(`unknown callback task command ${JSON.stringify(unknown)}`);
    }
  }
}

function unreachable(task: CallbackTask, attempts: number, fromCase: boolean): CallbackTaskEvent {
  const { taskId, caseId, kind } = task;
  return { type: 'CallbackTaskUnreachable', data: { taskId, caseId, kind, attempts, fromCase } };
}

function waived(
  task: { taskId: string; caseId: string; kind: CallbackTask['kind'] },
  reason: 'opted-out' | 'no-phone',
): CallbackTaskEvent {
  const { taskId, caseId, kind } = task;
  return { type: 'CallbackTaskWaived', data: { taskId, caseId, kind, reason } };
}

function schedule(
  data: CommandOf<typeof ScheduleCallbackTask>['data'],
  state: CallbackTaskState,
  context: Context,
): CallbackTaskEvent[] {
  requireRole(context, data.kind === 'center' ? ['center'] : ROLES.schedule, 'scheduling a callback');
  if (state.task) {
    if (state.task.caseId === data.caseId && state.task.kind === data.kind) return [];
    throw new CallbackTaskRuleViolation(
      CallbackTaskError.TaskExists,
      `taskId: ${data.taskId} is another task`,
      {
        field: 'taskId',
      },
    );
  }
  const facts = context.facts;
  if (!facts)
    throw new CallbackTaskRuleViolation(CallbackTaskError.CaseNotFound, `caseId: no case ${data.caseId}`, {
      field: 'caseId',
    });
  const finished = data.kind === 'routine' ? ['completed'] : ['completed', 'closed'];
  if (!finished.includes(facts.status))
    throw new CallbackTaskRuleViolation(
      CallbackTaskError.CaseNotFinished,
      `caseId: a ${data.kind} callback is for a ${finished.join(' or ')} case, not one that is ${facts.status}`,
      { field: 'caseId' },
    );
  const { rules } = context;
  const method = data.method ?? methodFor(rules, facts);
  const dueAt =
    data.dueAt ??
    (data.kind === 'routine' && facts.completedAt
      ? callbackDueAfter(rules, new Date(facts.completedAt)).toISOString()
      : context.now.toISOString());
  const scheduled: CallbackTaskEvent = {
    type: 'CallbackTaskScheduled',
    data: {
      taskId: data.taskId,
      caseId: facts.caseId,
      caseNumber: facts.caseNumber,
      kind: data.kind,
      method,
      dueAt,
      maxAttempts: rules.maxAttempts,
      caseType: facts.type,
      caseChannel: facts.channel,
      categoryCode: facts.categoryCode,
      ...(facts.unitId !== undefined ? { unitId: facts.unitId } : {}),
      ...(facts.phone !== undefined ? { phone: facts.phone } : {}),
      round: Math.max(1, facts.completions),
    },
  };
  const task = { taskId: data.taskId, caseId: facts.caseId, kind: data.kind };
  if (facts.phone === undefined) return [scheduled, waived(task, 'no-phone')];
  if (context.optedOut) return [scheduled, waived(task, 'opted-out')];
  return [scheduled];
}

type SmsData = CommandOf<typeof RecordCallbackSms>['data'];

/**
 * The SMS of the current link. Only a task waiting on its link takes it: a late outcome (the task
 * answered, expired or fallen back meanwhile) changes nothing, and once the SMSC took the SMS no
 * later outcome does. A failure waits `retryMinutes`, doubled at each try; the last try, or a number
 * that texted TD (SMS will never reach it), hands the task to the fallback method, due at once.
 */
function recordSms(data: SmsData, state: CallbackTaskState, context: Context): CallbackTaskEvent[] {
  requireRole(context, ROLES.send, 'recording a survey SMS');
  const task = requireTask(state, data.taskId);
  if (task.status !== 'link-sent' || task.sms?.sent) return [];
  const base = { taskId: task.taskId, caseId: task.caseId, attempt: task.attempts + 1 };
  switch (data.outcome) {
    case 'sent':
      return [{ type: 'CallbackSmsSent', data: { ...base, parts: data.parts } }];
    case 'deferred':
      return [{ type: 'CallbackSmsDeferred', data: { ...base, notBefore: data.notBefore } }];
    case 'failed': {
      const { maxTries, retryMinutes, fallback } = context.rules.sms;
      const tries = (task.sms?.tries ?? 0) + 1;
      const failed = { ...base, tries, reason: data.reason };
      if (data.reason === 'opted-out' || tries >= maxTries)
        return [{ type: 'CallbackSmsFailed', data: { ...failed, fallback } }];
      const retryAt = new Date(context.now.getTime() + retryMinutes * 60_000 * 2 ** (tries - 1));
      return [{ type: 'CallbackSmsFailed', data: { ...failed, retryAt: retryAt.toISOString() } }];
    }
    default: {
      const unknown: never = data;
      throw new Error(`unknown SMS outcome ${JSON.stringify(unknown)}`);
    }
  }
}

type AnswerData = CommandOf<typeof AnswerCallbackTask>['data'];

function answer(data: AnswerData, state: CallbackTaskState, context: Context): CallbackTaskEvent[] {
  requireRole(context, ROLES.answer, 'answering a callback');
  const task = requireTask(state, data.taskId);
  // A second answer (a citizen pressing the link twice, a redelivery) changes nothing.
  if (FINISHED.has(task.status) || task.status === 'fault-review') return [];
  const dissatisfied = Object.values(data.ratings).includes('dissatisfied');
  const audit = task.kind === 'audit';
  const unitAtFault = dissatisfied ? data.unitAtFault : false;
  const faultReviewNeeded = dissatisfied && !audit && unitAtFault === undefined;
  const answered: CallbackTaskEvent = {
    type: 'CallbackTaskAnswered',
    data: {
      taskId: task.taskId,
      caseId: task.caseId,
      kind: task.kind,
      method: data.method,
      ratings: data.ratings,
      dissatisfied,
      ...(unitAtFault !== undefined ? { unitAtFault } : {}),
      faultReviewNeeded,
      ...(data.comment !== undefined ? { comment: data.comment } : {}),
      ...(data.recordingId !== undefined ? { recordingId: data.recordingId } : {}),
      ...(data.callId !== undefined ? { callId: data.callId } : {}),
      fromCase: data.fromCase,
    },
  };
  if (!audit || !dissatisfied) return [answered];
  return [
    answered,
    {
      type: 'CallbackAuditDisagreed',
      data: {
        taskId: task.taskId,
        caseId: task.caseId,
        ...(task.unitId !== undefined ? { unitId: task.unitId } : {}),
        ratings: data.ratings,
        ...(data.comment !== undefined ? { comment: data.comment } : {}),
      },
    },
  ];
}
