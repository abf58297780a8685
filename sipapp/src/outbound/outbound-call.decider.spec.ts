import { PlaceOutboundCall } from '@hotline/contracts';
import { TelephonyError } from '../flows/ivr-flow.errors';
import { deciderSpec } from '../testing/decider-spec';
import { outboundCallDecider } from './outbound-call.decider';

const spec = deciderSpec(outboundCallDecider);
const survey = PlaceOutboundCall.schema.parse({
  callId: 'survey-c1',
  purpose: 'survey',
  number: '13800138000',
  caseId: 'case-1',
  message: '您好，这里是12345回访，请对办理结果进行评价。',
  answers: { '1': 'satisfied', '2': 'basically-satisfied', '3': 'dissatisfied' },
});
const requested = {
  type: 'OutboundCallRequested' as const,
  data: { ...survey, requestedBy: 'system:sipapp' },
};

describe('outbound calls', () => {
  it('accepts a survey call once per call id and ignores the same request again', () => {
    spec.given([]).when({ type: 'PlaceOutboundCall', data: survey }).then([requested]);
    spec.given([requested]).when({ type: 'PlaceOutboundCall', data: survey }).then([]);
  });

  it('refuses a different call under a used call id', () => {
    spec
      .given([requested])
      .when({ type: 'PlaceOutboundCall', data: { ...survey, number: '13900139000' } })
      .thenRejects(TelephonyError.OutboundChanged, /^callId: survey-c1 /);
  });

  it('finishes a requested call once, carrying purpose and case', () => {
    const outcome = {
      callId: 'survey-c1',
      outcome: 'answered' as const,
      answer: 'satisfied',
      talkSeconds: 21,
    };
    const finished = {
      type: 'OutboundCallFinished' as const,
      data: { ...outcome, purpose: 'survey' as const, caseId: 'case-1' },
    };
    spec.given([requested]).when({ type: 'ReportOutboundCallOutcome', data: outcome }).then([finished]);
    spec.given([requested, finished]).when({ type: 'ReportOutboundCallOutcome', data: outcome }).then([]);
    spec
      .given([])
      .when({ type: 'ReportOutboundCallOutcome', data: outcome })
      .thenRejects(TelephonyError.OutboundNotRequested);
  });

  it('lets one dialer claim a requested call, and refuses a second claim or a claim after the end', () => {
    const dialed = { type: 'OutboundCallDialed' as const, data: { callId: 'survey-c1', dialer: 'sipapp-a' } };
    const claim = (dialer: string) => ({
      type: 'DialOutboundCall' as const,
      data: { callId: 'survey-c1', dialer },
    });
    spec.given([requested]).when(claim('sipapp-a')).then([dialed]);
    spec
      .given([requested, dialed])
      .when(claim('sipapp-b'))
      .thenRejects(TelephonyError.OutboundAlreadyDialed, /dialed by sipapp-a/);
    const finished = {
      type: 'OutboundCallFinished' as const,
      data: { callId: 'survey-c1', outcome: 'busy' as const, purpose: 'survey' as const, caseId: 'case-1' },
    };
    spec
      .given([requested, finished])
      .when(claim('sipapp-a'))
      .thenRejects(TelephonyError.OutboundAlreadyDialed);
    spec.given([]).when(claim('sipapp-a')).thenRejects(TelephonyError.OutboundNotRequested);
  });

  it('lets agents, the center and services place calls, not units', () => {
    spec
      .given([])
      .when({ type: 'PlaceOutboundCall', data: survey }, { actor: { id: 'u-1', role: 'unit' } })
      .thenRejects(TelephonyError.RoleNotAllowed);
  });

  it('takes a survey with several questions instead of one, not both, and questions only for a survey', () => {
    const questions = [{ id: 'unit-1.service', message: '对服务满意请按1。', answers: { '1': 'satisfied' } }];
    expect(PlaceOutboundCall.schema.safeParse({ ...survey, answers: undefined, questions }).success).toBe(
      true,
    );
    expect(PlaceOutboundCall.schema.safeParse({ ...survey, questions }).error?.issues[0]).toMatchObject({
      path: ['answers'],
    });
    const notice = { ...survey, purpose: 'voice-notice', answers: undefined, questions };
    expect(PlaceOutboundCall.schema.safeParse(notice).error?.issues[0]).toMatchObject({
      path: ['questions'],
    });
  });

  it('refuses a survey without answers and a callback without an agent, naming the field', () => {
    const bad = PlaceOutboundCall.schema.safeParse({ ...survey, answers: undefined });
    expect(bad.error?.issues[0]).toMatchObject({ path: ['answers'] });
    const callback = PlaceOutboundCall.schema.safeParse({
      ...survey,
      purpose: 'callback',
      answers: undefined,
    });
    expect(callback.error?.issues[0]).toMatchObject({ path: ['agentId'] });
  });
});
