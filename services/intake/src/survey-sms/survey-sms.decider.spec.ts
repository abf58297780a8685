import type { SurveySmsEvent } from '@hotline/contracts';
import { deciderSpec } from '@hotline/infra/command/testing';
import { specContext } from '../testing/decider-spec';
import { surveySmsDecider } from './survey-sms.aggregate';

const spec = deciderSpec(surveySmsDecider, () =>
  specContext({ actor: { id: 'system:survey', role: 'system' } }),
);
const send = {
  type: 'SendSurveySms',
  data: { smsId: 'cb-case-1-1.1', phone: '13800138000', text: '【12345】请评价：https://x/s/t 回复TD退订' },
} as const;
const sent: SurveySmsEvent = { type: 'SurveySmsSent', data: { smsId: 'cb-case-1-1.1', parts: 2 } };
const withheld: SurveySmsEvent = {
  type: 'SurveySmsWithheld',
  data: { smsId: 'cb-case-1-1.1', reason: 'opted-out' },
};

describe('survey SMS', () => {
  it('records the parts the SMSC took, and neither the number nor the text', () => {
    spec.given([]).when(send, { parts: 2 }).then([sent]);
  });

  it('records a number that texted TD as withheld', () => {
    spec.given([]).when(send, { withheld: true }).then([withheld]);
  });

  it('records nothing while it waits (quiet hours, an SMSC that is down)', () => {
    spec.given([]).when(send).then([]);
  });

  it('is settled once: a repeat records nothing, whatever the send found', () => {
    spec.given([sent]).when(send, { parts: 1 }).then([]);
    spec.given([withheld]).when(send, { parts: 1 }).then([]);
  });
});
