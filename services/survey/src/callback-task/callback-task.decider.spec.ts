import { chinaTime, chinaWorkingCalendar, type CallbackTaskEvent } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import type { CallbackRules } from './callback-rules';
import { callbackTaskDecider } from './callback-task.decider';
import { CallbackTaskError } from './callback-task.errors';
import type { CaseFacts } from './case-facts';

const rules: CallbackRules = {
  byType: { complaint: 'desk', consult: 'sms' },
  byChannel: { web: 'sms' },
  fallback: 'desk',
  maxAttempts: 3,
  retryAfterMinutes: 120,
  linkValidHours: 72,
  sms: { maxTries: 3, retryMinutes: 10, fallback: 'desk' },
  calendar: chinaWorkingCalendar(),
};
// Friday 2026-12-04, 16:00 China time: the callback is due Monday morning.
const completedAt = chinaTime('2026-12-04', '16:00').toISOString();
const facts: CaseFacts = {
  caseId: 'case-1',
  caseNumber: '26000123',
  districtId: 'city',
  type: 'complaint',
  channel: 'phone',
  categoryCode: '010101',
  phone: '13800138000',
  anonymous: false,
  unitId: 'unit-water',
  status: 'completed',
  completedAt,
  completions: 1,
  calledBackSinceCompletion: false,
};
const system = { actor: { id: 'system:survey', role: 'system' } };
const agent = { actor: { id: 'agent-7', role: 'agent' } };
const center = { actor: { id: 'center-1', role: 'center' } };
const spec = deciderSpec(callbackTaskDecider, () => ({
  now: new Date('2026-12-07T02:00:00.000Z'),
  actor: system.actor,
  districtId: 'city',
  commandId: 'cmd-1',
  rules,
  facts,
}));

const scheduled = (
  overrides: Partial<Extract<CallbackTaskEvent, { type: 'CallbackTaskScheduled' }>['data']> = {},
) =>
  ({
    type: 'CallbackTaskScheduled',
    data: {
      taskId: 'cb-case-1-1',
      caseId: 'case-1',
      caseNumber: '26000123',
      kind: 'routine',
      method: 'desk',
      dueAt: chinaTime('2026-12-07', '08:30').toISOString(),
      maxAttempts: 3,
      caseType: 'complaint',
      caseChannel: 'phone',
      categoryCode: '010101',
      unitId: 'unit-water',
      phone: '13800138000',
      round: 1,
      ...overrides,
    },
  }) as const satisfies CallbackTaskEvent;

const schedule = {
  type: 'ScheduleCallbackTask',
  data: { taskId: 'cb-case-1-1', caseId: 'case-1', kind: 'routine' },
} as const;
const ratings = (result: 'satisfied' | 'dissatisfied') =>
  ({ efficiency: 'satisfied', attitude: 'basically-satisfied', result }) as const;
const answer = (result: 'satisfied' | 'dissatisfied', more: Record<string, unknown> = {}) =>
  ({
    type: 'AnswerCallbackTask',
    data: { taskId: 'cb-case-1-1', method: 'desk', ratings: ratings(result), fromCase: false, ...more },
  }) as const;

describe('callback task', () => {
  describe('ScheduleCallbackTask', () => {
    it('plans a completed case for the next working day, by the rule of its type', () => {
      spec.given([]).when(schedule).then([scheduled()]);
    });

    it("takes the channel's rule over the type's, but never sends an SMS to a landline", () => {
      spec
        .given([])
        .when(schedule, { facts: { ...facts, channel: 'web' } })
        .then([scheduled({ method: 'sms', caseChannel: 'web' })]);
      spec
        .given([])
        .when(schedule, { facts: { ...facts, channel: 'web', phone: '0591-87654321' } })
        .then([scheduled({ method: 'desk', caseChannel: 'web', phone: '0591-87654321' })]);
    });

    it('waives the task at once for a citizen who opted out, or gave no number', () => {
      spec
        .given([])
        .when(schedule, { optedOut: true })
        .then([
          scheduled(),
          {
            type: 'CallbackTaskWaived',
            data: { taskId: 'cb-case-1-1', caseId: 'case-1', kind: 'routine', reason: 'opted-out' },
          },
        ]);
      const { phone: _phone, ...anonymous } = facts;
      const { phone: _p, ...withoutPhone } = scheduled().data;
      spec
        .given([])
        .when(schedule, { facts: { ...anonymous, anonymous: true } })
        .then([
          { type: 'CallbackTaskScheduled', data: withoutPhone },
          {
            type: 'CallbackTaskWaived',
            data: { taskId: 'cb-case-1-1', caseId: 'case-1', kind: 'routine', reason: 'no-phone' },
          },
        ]);
    });

    it('is a no-op when repeated, and refuses a case that is not completed or does not exist', () => {
      spec.given([scheduled()]).when(schedule).then([]);
      spec
        .given([])
        .when(schedule, { facts: { ...facts, status: 'open' } })
        .thenRejects(CallbackTaskError.CaseNotFinished, /^caseId: /);
      spec.given([]).when(schedule, { facts: undefined }).thenRejects(CallbackTaskError.CaseNotFound);
    });

    it('lets the center add a closed case, due now', () => {
      spec
        .given([])
        .when(
          { type: 'ScheduleCallbackTask', data: { taskId: 'center-1', caseId: 'case-1', kind: 'center' } },
          { ...center, facts: { ...facts, status: 'closed' } },
        )
        .then([scheduled({ taskId: 'center-1', kind: 'center', dueAt: '2026-12-07T02:00:00.000Z' })]);
      spec
        .given([])
        .when(
          { type: 'ScheduleCallbackTask', data: { taskId: 'center-1', caseId: 'case-1', kind: 'center' } },
          agent,
        )
        .thenRejects(CallbackTaskError.RoleNotAllowed);
    });
  });

  describe('attempts', () => {
    const attempt = {
      type: 'RecordCallbackAttempt',
      data: { taskId: 'cb-case-1-1', method: 'desk', failure: 'no-answer' },
    } as const;
    const failed = (n: number) =>
      ({
        type: 'CallbackAttemptFailed',
        data: { taskId: 'cb-case-1-1', caseId: 'case-1', method: 'desk', failure: 'no-answer', attempt: n },
      }) as const;

    it('counts a failed attempt, and makes the citizen unreachable at the last one', () => {
      spec
        .given([scheduled()])
        .when(attempt, agent)
        .then([{ ...failed(1), data: { ...failed(1).data, retryAt: '2026-12-07T04:00:00.000Z' } }]);
      spec
        .given([scheduled(), failed(1), failed(2)])
        .when(attempt, agent)
        .then([
          failed(3),
          {
            type: 'CallbackTaskUnreachable',
            data: { taskId: 'cb-case-1-1', caseId: 'case-1', kind: 'routine', attempts: 3, fromCase: false },
          },
        ]);
    });

    it('refuses an attempt on a finished task and a task that does not exist', () => {
      spec
        .given([scheduled(), { type: 'CallbackTaskAnswered', data: answered('satisfied') }])
        .when(attempt, agent)
        .thenRejects(CallbackTaskError.TaskFinished);
      spec
        .given([])
        .when(attempt, agent)
        .thenRejects(CallbackTaskError.TaskNotFound, /^taskId: /);
    });
  });

  describe('AnswerCallbackTask', () => {
    it('records the three ratings and the unit at fault from the desk', () => {
      spec
        .given([scheduled()])
        .when(answer('dissatisfied', { unitAtFault: true, comment: '路灯还是不亮' }), agent)
        .then([
          {
            type: 'CallbackTaskAnswered',
            data: {
              ...answered('dissatisfied'),
              unitAtFault: true,
              faultReviewNeeded: false,
              comment: '路灯还是不亮',
            },
          },
        ]);
    });

    it('leaves the fault of a dissatisfied SMS answer to the center', () => {
      spec
        .given([scheduled({ method: 'sms' })])
        .when(answer('dissatisfied', { method: 'sms' }), { actor: { id: 'citizen', role: 'citizen' } })
        .then([
          {
            type: 'CallbackTaskAnswered',
            data: { ...answered('dissatisfied'), method: 'sms', faultReviewNeeded: true },
          },
        ]);
      spec
        .given([
          scheduled(),
          { type: 'CallbackTaskAnswered', data: { ...answered('dissatisfied'), faultReviewNeeded: true } },
        ])
        .when({ type: 'JudgeCallbackFault', data: { taskId: 'cb-case-1-1', unitAtFault: true } }, center)
        .then([
          {
            type: 'CallbackFaultJudged',
            data: { taskId: 'cb-case-1-1', caseId: 'case-1', unitAtFault: true },
          },
        ]);
    });

    it('changes nothing on a second answer', () => {
      spec
        .given([scheduled(), { type: 'CallbackTaskAnswered', data: answered('satisfied') }])
        .when(answer('dissatisfied', { unitAtFault: true }), agent)
        .then([]);
    });

    it('flags an audit that disagrees with what the unit reported', () => {
      spec
        .given([scheduled({ taskId: 'audit-case-1', kind: 'audit' })])
        .when(
          { ...answer('dissatisfied'), data: { ...answer('dissatisfied').data, taskId: 'audit-case-1' } },
          agent,
        )
        .then([
          {
            type: 'CallbackTaskAnswered',
            data: {
              ...answered('dissatisfied'),
              taskId: 'audit-case-1',
              kind: 'audit',
              faultReviewNeeded: false,
            },
          },
          {
            type: 'CallbackAuditDisagreed',
            data: {
              taskId: 'audit-case-1',
              caseId: 'case-1',
              unitId: 'unit-water',
              ratings: ratings('dissatisfied'),
            },
          },
        ]);
    });
  });

  it('sends an SMS link only for an SMS task, valid for the configured hours', () => {
    spec
      .given([scheduled({ method: 'sms' })])
      .when({ type: 'IssueCallbackSurveyLink', data: { taskId: 'cb-case-1-1' } })
      .then([
        {
          type: 'CallbackSurveyLinkIssued',
          data: { taskId: 'cb-case-1-1', caseId: 'case-1', expiresAt: '2026-12-10T02:00:00.000Z' },
        },
      ]);
    spec
      .given([scheduled()])
      .when({ type: 'IssueCallbackSurveyLink', data: { taskId: 'cb-case-1-1' } })
      .thenRejects(CallbackTaskError.WrongMethod);
  });

  describe('RecordCallbackSms', () => {
    const linkIssued = {
      type: 'CallbackSurveyLinkIssued',
      data: { taskId: 'cb-case-1-1', caseId: 'case-1', expiresAt: '2026-12-10T02:00:00.000Z' },
    } as const;
    const sending = [scheduled({ method: 'sms' }), linkIssued];
    const sms = (data: Record<string, unknown>) =>
      ({ type: 'RecordCallbackSms', data: { taskId: 'cb-case-1-1', ...data } }) as never;
    const failed = (tries: number, more: Record<string, unknown>) =>
      ({
        type: 'CallbackSmsFailed',
        data: {
          taskId: 'cb-case-1-1',
          caseId: 'case-1',
          attempt: 1,
          tries,
          reason: 'smsc-unavailable',
          ...more,
        },
      }) as Extract<CallbackTaskEvent, { type: 'CallbackSmsFailed' }>;

    it('records the SMSC taking the link, once', () => {
      const sent = {
        type: 'CallbackSmsSent',
        data: { taskId: 'cb-case-1-1', caseId: 'case-1', attempt: 1, parts: 2 },
      } as const;
      spec
        .given(sending)
        .when(sms({ outcome: 'sent', parts: 2 }))
        .then([sent]);
      spec
        .given([...sending, sent])
        .when(sms({ outcome: 'sent', parts: 2 }))
        .then([]);
      spec
        .given([...sending, sent])
        .when(sms({ outcome: 'failed', reason: 'smsc-unavailable' }))
        .then([]);
    });

    it('holds the SMS until the quiet hours end, without counting a try', () => {
      const notBefore = '2026-12-07T00:00:00.000Z';
      spec
        .given(sending)
        .when(sms({ outcome: 'deferred', notBefore }))
        .then([
          {
            type: 'CallbackSmsDeferred',
            data: { taskId: 'cb-case-1-1', caseId: 'case-1', attempt: 1, notBefore },
          },
        ]);
    });

    it('tries again later, waiting twice as long each time, and falls back to the desk after the last try', () => {
      const failure = sms({ outcome: 'failed', reason: 'smsc-unavailable' });
      const first = failed(1, { retryAt: '2026-12-07T02:10:00.000Z' });
      const second = failed(2, { retryAt: '2026-12-07T02:20:00.000Z' });
      const last = failed(3, { fallback: 'desk' });
      spec.given(sending).when(failure).then([first]);
      spec
        .given([...sending, first])
        .when(failure)
        .then([second]);
      spec
        .given([...sending, first, second])
        .when(failure)
        .then([last]);
      // Fallen back: a late SMS outcome changes nothing, the desk's answer closes the task.
      spec
        .given([...sending, first, second, last])
        .when(sms({ outcome: 'sent', parts: 1 }))
        .then([]);
      spec
        .given([...sending, first, second, last])
        .when(answer('satisfied', { unitAtFault: false }))
        .then([{ type: 'CallbackTaskAnswered', data: answered('satisfied') }]);
    });

    it('falls back at once for a number that texted TD: no SMS will reach it', () => {
      spec
        .given(sending)
        .when(sms({ outcome: 'failed', reason: 'opted-out' }))
        .then([failed(1, { reason: 'opted-out', fallback: 'desk' })]);
    });

    it('changes nothing once the citizen answered, and is not for an agent', () => {
      const answeredBySms = {
        type: 'CallbackTaskAnswered',
        data: { ...answered('satisfied'), method: 'sms' },
      } as const;
      spec
        .given([...sending, answeredBySms])
        .when(sms({ outcome: 'sent', parts: 1 }))
        .then([]);
      spec
        .given(sending)
        .when(sms({ outcome: 'sent', parts: 1 }), agent)
        .thenRejects(CallbackTaskError.RoleNotAllowed);
    });
  });
});

function answered(result: 'satisfied' | 'dissatisfied') {
  return {
    taskId: 'cb-case-1-1',
    caseId: 'case-1',
    kind: 'routine' as const,
    method: 'desk' as const,
    ratings: ratings(result),
    dissatisfied: result === 'dissatisfied',
    ...(result === 'satisfied' ? { unitAtFault: false } : {}),
    faultReviewNeeded: false,
    fromCase: false,
  };
}
