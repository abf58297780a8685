import { randomUUID } from 'node:crypto';
import {
  SURVEY_SERVICE,
  commandSubject,
  querySubject,
  type Actor,
  type CommandEnvelope,
} from '@hotline/contracts';
import { BusRecord, messageHeaders } from '@hotline/infra/bus';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
// An end-to-end test mounts the platform as the embedded runner does: the gateway, workflow and survey.
import { gatewayService } from '@hotline/gateway';
import { SurveyLinkSigner, auditTaskId, createSurveyService, routineTaskId } from '@hotline/survey';
import { sipappService } from '@hotline/sipapp';
import { workflowService } from '@hotline/workflow';
import { firstValueFrom } from 'rxjs';
import { people } from './testing/case-loop';
import { completedCase as completedCaseOverHttp } from './testing/completed-case';
import { HotlineHttp } from './testing/hotline-http';

type Body = Record<string, unknown>;
const SECRET = 'e2e-survey-link-secret-0123456789';
const center: Actor = { id: 'user:center', role: 'center' };
const citizen: Actor = { id: 'citizen:survey-link', role: 'citizen' };

describe('Callbacks end to end [embedded: workflow, survey and gateway on one bus]', () => {
  let running: BootedPlatform;
  let http: HotlineHttp;

  beforeAll(async () => {
    const survey = createSurveyService({
      env: {
        SURVEY_LINK_SECRET: SECRET,
        SURVEY_AUDIT_SHARE: '1',
        SURVEY_DUE_RUNNER: 'false',
        SURVEY_METHOD_BY_CHANNEL: 'web=sms,email=ivr',
      },
    });
    running = await bootPlatform([workflowService, sipappService, survey, gatewayService], {
      env: { LOG_LEVEL: 'warn' },
    });
    http = new HotlineHttp(running.url);
    await http.waitUntilReady();
  }, 120_000);

  afterAll(async () => {
    await running?.close();
  });

  const bus = () => running.platform.client();
  const command = async (
    type: string,
    data: unknown,
    actor: Actor = center,
    service: string = SURVEY_SERVICE,
  ) => {
    const commandId = randomUUID();
    const metadata = { correlationId: commandId, actor, districtId: 'city' };
    const envelope: CommandEnvelope = { commandId, type, data, metadata };
    return firstValueFrom<Body>(
      bus().send(commandSubject(service, type), new BusRecord(envelope, messageHeaders(metadata))),
    );
  };
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => error as Body,
    );
  const query = (type: string, params: Body) =>
    firstValueFrom<Body>(
      bus().send(querySubject(SURVEY_SERVICE, type), {
        viewer: { actor: center, districtId: 'city' },
        ...params,
      }),
    );
  const eventually = async <T>(read: () => Promise<T>, until: (value: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await read();
      if (until(value) || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const completedCase = (channel: string, type?: string) => completedCaseOverHttp(http, channel, type);
  const task = (taskId: string) =>
    eventually(
      () => query('GetCallbackTask', { taskId }).catch((): Body => ({})),
      (t) => 'status' in t,
    );

  it('makes a desk task for a phone complaint, completed by the manual callback on the case', async () => {
    const { caseId, act } = await completedCase('phone');
    const taskId = routineTaskId(caseId, 1);
    expect(await task(taskId)).toMatchObject({
      caseId,
      kind: 'routine',
      method: 'desk',
      status: 'scheduled',
      unitId: 'gulou-dongjie',
    });
    await act(people.agent, 'callback', {
      reached: true,
      ratings: { efficiency: 'satisfied', attitude: 'satisfied', result: 'satisfied' },
      unitAtFault: false,
    });
    const answered = await eventually(
      () => query('GetCallbackTask', { taskId }),
      (t) => t.status === 'answered',
    );
    expect(answered).toMatchObject({ status: 'answered', answeredBy: 'desk' });
  }, 60_000);

  it('answers an SMS task through the signed link: forged refused, second answer idempotent, dissatisfied redone after the center judges', async () => {
    const { caseId, detail } = await completedCase('web');
    const taskId = routineTaskId(caseId, 1);
    expect(await task(taskId)).toMatchObject({ method: 'sms', status: 'scheduled' });
    await command('IssueCallbackSurveyLink', { taskId }, { id: 'system:test', role: 'system' });
    const sent = await eventually(
      () => query('GetCallbackTask', { taskId }),
      (t) => t.status === 'link-sent',
    );
    const token = new SurveyLinkSigner(SECRET).sign(taskId, new Date(sent.linkExpiresAt as string));
    const ratings = { efficiency: 'satisfied', attitude: 'basically-satisfied', result: 'dissatisfied' };

    const forged = new SurveyLinkSigner('someone-elses-secret-0123456').sign(
      taskId,
      new Date(sent.linkExpiresAt as string),
    );
    expect(await failure(command('AnswerCallbackSurvey', { token: forged, ratings }, citizen))).toMatchObject(
      {
        code: 'CALLBACK_LINK_INVALID',
      },
    );
    const expired = new SurveyLinkSigner(SECRET).sign(taskId, new Date(Date.now() - 1000));
    expect(
      await failure(command('AnswerCallbackSurvey', { token: expired, ratings }, citizen)),
    ).toMatchObject({
      code: 'CALLBACK_LINK_EXPIRED',
    });
    expect(await query('GetCallbackTask', { taskId })).toMatchObject({ status: 'link-sent' });

    expect(await query('GetCallbackSurveyPage', { token })).toMatchObject({ answered: false });
    const first = await command('AnswerCallbackSurvey', { token, ratings, comment: '晚上还是吵' }, citizen);
    const again = await command(
      'AnswerCallbackSurvey',
      { token, ratings: { ...ratings, result: 'satisfied' } },
      citizen,
    );
    expect(again.events).toEqual([]);
    expect(first.events).toHaveLength(1);
    const review = await eventually(
      () => query('GetCallbackTask', { taskId }),
      (t) => t.status === 'fault-review',
    );
    expect(review).toMatchObject({ status: 'fault-review', ratings, comment: '晚上还是吵' });

    await command('JudgeCallbackFault', { taskId, unitAtFault: true });
    const redone = await eventually(detail, (d) => d.redoCount === 1);
    expect(redone).toMatchObject({ status: 'dispatched', redoCount: 1, leadUnitId: 'gulou-dongjie' });
  }, 60_000);

  it('closes the case after a satisfied SMS answer and counts it by unit; draws the closed case for audit', async () => {
    const { caseId, detail } = await completedCase('web', 'help');
    const taskId = routineTaskId(caseId, 1);
    await task(taskId);
    await command('IssueCallbackSurveyLink', { taskId }, { id: 'system:test', role: 'system' });
    const sent = await eventually(
      () => query('GetCallbackTask', { taskId }),
      (t) => t.status === 'link-sent',
    );
    const token = new SurveyLinkSigner(SECRET).sign(taskId, new Date(sent.linkExpiresAt as string));
    const ratings = { efficiency: 'satisfied', attitude: 'satisfied', result: 'basically-satisfied' };
    await command('AnswerCallbackSurvey', { token, ratings }, citizen);
    expect(await eventually(detail, (d) => d.status === 'closed')).toMatchObject({ status: 'closed' });

    // SURVEY_AUDIT_SHARE=1: every closed case is drawn; a dissatisfied audit raises the flag.
    const audit = await task(auditTaskId(caseId));
    expect(audit).toMatchObject({ kind: 'audit', status: 'scheduled' });
    await command('AnswerCallbackTask', {
      taskId: auditTaskId(caseId),
      method: 'desk',
      ratings: { ...ratings, result: 'dissatisfied' },
    });
    const flagged = await eventually(
      () => query('GetCallbackTask', { taskId: auditTaskId(caseId) }),
      (t) => t.auditDisagreed === true,
    );
    expect(flagged).toMatchObject({ auditDisagreed: true, status: 'answered' });

    const byUnit = await query('GetSatisfaction', { by: 'unit' });
    expect(byUnit.rows).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'gulou-dongjie' })]));
  }, 60_000);

  it('calls the citizen through the sipapp for an IVR task: no answer is an attempt, a key press the answer', async () => {
    const { caseId } = await completedCase('email');
    const taskId = routineTaskId(caseId, 1);
    expect(await task(taskId)).toMatchObject({ method: 'ivr', status: 'scheduled' });
    const system: Actor = { id: 'system:test', role: 'system' };
    await command('RequestCallbackSurveyCall', { taskId }, system);
    // The survey asks the sipapp to dial; the media side reports how the call ended.
    const report = (attempt: number, outcome: string, answer?: string) =>
      eventually(
        () =>
          command(
            'ReportOutboundCallOutcome',
            { callId: `survey-${taskId}.${attempt}`, outcome, ...(answer ? { answer } : {}) },
            system,
            'telephony',
          ).catch((error: unknown) => ({ error })),
        (reply) => !('error' in reply),
      );
    expect(await report(1, 'no-answer')).not.toHaveProperty('error');
    const retried = await eventually(
      () => query('GetCallbackTask', { taskId }),
      (t) => t.attempts === 1,
    );
    expect(retried).toMatchObject({ status: 'scheduled', attempts: 1, lastFailure: 'no-answer' });

    await command('RequestCallbackSurveyCall', { taskId }, system);
    expect(await report(2, 'answered', 'satisfied')).not.toHaveProperty('error');
    const answered = await eventually(
      () => query('GetCallbackTask', { taskId }),
      (t) => t.status === 'answered',
    );
    expect(answered).toMatchObject({
      status: 'answered',
      answeredBy: 'ivr',
      ratings: { efficiency: 'satisfied', attitude: 'satisfied', result: 'satisfied' },
    });
  }, 60_000);

  it('works the queue over HTTP: the desk lists and answers, the center judges; the citizen answers once on the public page', async () => {
    const { caseId, detail } = await completedCase('web', 'help');
    const taskId = routineTaskId(caseId, 1);
    await task(taskId);
    const queue = await http.ok<{ items: Body[] }>(
      'GET',
      '/api/survey/callback-tasks?status=scheduled,link-sent&method=sms&limit=500',
      { as: people.agent },
    );
    expect(queue.items).toEqual(expect.arrayContaining([expect.objectContaining({ taskId, method: 'sms' })]));
    // A unit user has no queue: the route refuses before the service is asked.
    expect((await http.request('GET', '/api/survey/callback-tasks', { as: people.dongjie })).status).toBe(
      403,
    );

    const token = new SurveyLinkSigner(SECRET).sign(taskId, new Date(Date.now() + 3_600_000));
    const forged = `${taskId}.zzzzzz.${'0'.repeat(16)}`;
    expect(await http.request<Body>('GET', `/api/public/surveys/${forged}`)).toMatchObject({
      status: 404,
      body: { error: { code: 'CALLBACK_LINK_INVALID' } },
    });
    const expired = new SurveyLinkSigner(SECRET).sign(taskId, new Date(Date.now() - 1000));
    const ratings = { efficiency: 'satisfied', attitude: 'satisfied', result: 'dissatisfied' };
    const late = await http.request<Body>('POST', `/api/public/surveys/${expired}/answer`, {
      body: { commandId: randomUUID(), ratings },
    });
    expect(late).toMatchObject({ status: 422, body: { error: { code: 'CALLBACK_LINK_EXPIRED' } } });
    expect(await http.ok('GET', `/api/public/surveys/${token}`)).toMatchObject({ answered: false });

    const answer = (commandId: string) =>
      http.ok<{ events: unknown[] }>('POST', `/api/public/surveys/${token}/answer`, {
        body: { commandId, ratings, comment: '还是没修好' },
      });
    expect((await answer('citizen-answer-1')).events).toHaveLength(1);
    // Another press of the button (a new command id) changes nothing either.
    expect((await answer('citizen-answer-2')).events).toEqual([]);
    expect(await http.ok('GET', `/api/public/surveys/${token}`)).toMatchObject({ answered: true });

    await eventually(
      () => http.ok<Body>('GET', `/api/survey/callback-tasks/${taskId}`, { as: people.center }),
      (t) => t.status === 'fault-review',
    );
    await http.ok('POST', `/api/survey/callback-tasks/${taskId}/fault`, {
      as: people.center,
      body: { commandId: `${taskId}-judge`, unitAtFault: false, note: '已按政策答复' },
    });
    expect(await eventually(detail, (d) => d.status === 'closed')).toMatchObject({ status: 'closed' });

    const byUnit = await eventually(
      () => http.ok<{ rows: Body[] }>('GET', '/api/survey/satisfaction?by=unit', { as: people.dongjie }),
      (r) => r.rows.length > 0,
    );
    // A unit sees its own row only.
    expect(byUnit.rows.map((row) => row.key)).toEqual(['gulou-dongjie']);
  }, 60_000);

  it("keeps each agent's post-call survey scores by period; a second key press for a call changes nothing", async () => {
    const ivr: Actor = { id: 'system:sipapp', role: 'system' };
    const agentId = `agent-${randomUUID()}`;
    await command('RecordPostCallSurvey', { callId: `${agentId}-c1`, agentId, score: 1 }, ivr);
    await command('RecordPostCallSurvey', { callId: `${agentId}-c2`, agentId, score: 3 }, ivr);
    const repeat = await command('RecordPostCallSurvey', { callId: `${agentId}-c2`, agentId, score: 1 }, ivr);
    expect(repeat.events).toEqual([]);
    expect(
      await failure(command('RecordPostCallSurvey', { callId: `${agentId}-c3`, agentId, score: 1 })),
    ).toMatchObject({ code: 'POST_CALL_SURVEY_ROLE_NOT_ALLOWED' });
    const scores = await eventually(
      () => query('GetAgentSurveyScores', { agentId, period: 'month' }),
      (r) => (r.rows as Body[]).some((row) => row.answered === 2),
    );
    expect(scores.rows).toEqual([
      expect.objectContaining({ agentId, answered: 2, satisfied: 1, basic: 0, dissatisfied: 1, rate: 0.5 }),
    ]);
  }, 30_000);
});
