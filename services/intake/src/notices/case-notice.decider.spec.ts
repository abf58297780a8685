import type { CaseNoticeEvent } from '@hotline/contracts';
import { deciderSpec } from '../testing/decider-spec';
import { caseNoticeDecider } from './case-notice.decider';
import { noticeOptOutDecider } from './notice-opt-out.decider';

const spec = deciderSpec(caseNoticeDecider);
const caseId = 'case-1';
const phone = '13800138000';
const notice = (sourceEventId: string, kind: 'registered' | 'signed' = 'signed') => ({
  sourceEventId,
  kind,
  text: `【12345】${kind}`,
  notBefore: '2025-06-02T02:00:00.000Z',
});
const subscribed: CaseNoticeEvent = {
  type: 'CaseNoticesSubscribed',
  data: { caseId, caseNumber: '50000001', phone },
};
const queued = (sourceEventId: string): CaseNoticeEvent => ({
  type: 'CaseNoticeQueued',
  data: { caseId, ...notice(sourceEventId) },
});

describe('case notices', () => {
  it('subscribe the citizen with the case-number notice in the same decision, once', () => {
    spec
      .given([])
      .when({
        type: 'Subscribe',
        data: { caseId, caseNumber: '50000001', phone, first: notice('e1', 'registered') },
      })
      .then([subscribed, { type: 'CaseNoticeQueued', data: { caseId, ...notice('e1', 'registered') } }]);
    spec
      .given([subscribed])
      .when({ type: 'Subscribe', data: { caseId, caseNumber: '50000001', phone } })
      .then([]);
  });

  it('queue a notice per workflow event, and nothing for a redelivered one or an unsubscribed case', () => {
    spec
      .given([subscribed])
      .when({ type: 'Queue', data: { caseId, ...notice('e2') } })
      .then([queued('e2')]);
    spec
      .given([subscribed, queued('e2')])
      .when({ type: 'Queue', data: { caseId, ...notice('e2') } })
      .then([]);
    spec
      .given([])
      .when({ type: 'Queue', data: { caseId, ...notice('e2') } })
      .then([]);
  });

  it('settle a notice once: sent, or withheld for an opt-out', () => {
    const sent: CaseNoticeEvent = { type: 'CaseNoticeSent', data: { caseId, sourceEventId: 'e2', parts: 1 } };
    spec
      .given([subscribed, queued('e2')])
      .when({ type: 'MarkSent', data: { caseId, sourceEventId: 'e2', parts: 1 } })
      .then([sent]);
    spec
      .given([subscribed, queued('e2'), sent])
      .when({ type: 'MarkSent', data: { caseId, sourceEventId: 'e2', parts: 1 } })
      .then([]);
    spec
      .given([subscribed, queued('e2'), sent])
      .when({ type: 'Withhold', data: { caseId, sourceEventId: 'e2', reason: 'opted-out' } })
      .then([]);
    spec
      .given([subscribed, queued('e3')])
      .when({ type: 'Withhold', data: { caseId, sourceEventId: 'e3', reason: 'opted-out' } })
      .then([{ type: 'CaseNoticeWithheld', data: { caseId, sourceEventId: 'e3', reason: 'opted-out' } }]);
  });
});

describe('notice opt-out', () => {
  const optOut = deciderSpec(noticeOptOutDecider);
  it('opts out and back in, each once', () => {
    optOut
      .given([])
      .when({ type: 'OptOutOfNotices', data: { phone } })
      .then([{ type: 'NoticesOptedOut', data: { phone } }]);
    optOut
      .given([{ type: 'NoticesOptedOut', data: { phone } }])
      .when({ type: 'OptOutOfNotices', data: { phone } })
      .then([]);
    optOut
      .given([{ type: 'NoticesOptedOut', data: { phone } }])
      .when({ type: 'OptInToNotices', data: { phone } })
      .then([{ type: 'NoticesOptedIn', data: { phone } }]);
    optOut.given([]).when({ type: 'OptInToNotices', data: { phone } }).then([]);
  });
});
