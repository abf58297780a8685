import { CASE_NOTICE_CATEGORY, caseNoticeEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { caseNoticeDecider } from './case-notice.decider';

/** The notices of one case to its citizen (`caseNotice-<caseId>`), decided by the notice manager. */
export const caseNoticeAggregate = defineAggregate({
  category: CASE_NOTICE_CATEGORY,
  decider: caseNoticeDecider,
  events: caseNoticeEvents,
});
