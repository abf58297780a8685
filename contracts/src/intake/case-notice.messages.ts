import { z } from 'zod';
import { defineCommand, defineEvent } from '../messages/define';
import { CaseId, IsoDateTime } from '../workflow/case.values';
import { CanonicalPhoneNumber, ChinesePhoneNumber } from '../workflow/citizen';
import { CASE_NOTICE_CATEGORY, INTAKE_SERVICE, NOTICE_OPT_OUT_CATEGORY } from './intake.values';

/** The steps of a case a citizen is told about by SMS. */
export const CaseNoticeKind = z.enum(['registered', 'signed', 'completed', 'closed']);
export type CaseNoticeKind = z.infer<typeof CaseNoticeKind>;

/** The workflow event a notice answers: a redelivered event finds its notice already there. */
const SourceEventId = z.string().min(1).max(128);
const NoticeText = z.string().min(1).max(500);

export const CaseNoticesSubscribed = defineEvent({
  type: 'CaseNoticesSubscribed',
  version: 1,
  category: CASE_NOTICE_CATEGORY,
  summary:
    'A case from an SMS or web contact with a mobile number was registered: its citizen is told of its steps by SMS.',
  schema: z.object({ caseId: CaseId, caseNumber: z.string().min(1).max(16), phone: CanonicalPhoneNumber }),
});

export const CaseNoticeQueued = defineEvent({
  type: 'CaseNoticeQueued',
  version: 1,
  category: CASE_NOTICE_CATEGORY,
  summary:
    'An SMS about a step of the case is due to the citizen, not before `notBefore` (quiet hours hold all but the case number).',
  schema: z.object({
    caseId: CaseId,
    sourceEventId: SourceEventId,
    kind: CaseNoticeKind,
    text: NoticeText,
    notBefore: IsoDateTime,
  }),
});

export const CaseNoticeSent = defineEvent({
  type: 'CaseNoticeSent',
  version: 1,
  category: CASE_NOTICE_CATEGORY,
  summary: 'The SMSC accepted every part of the notice.',
  schema: z.object({ caseId: CaseId, sourceEventId: SourceEventId, parts: z.number().int().min(1).max(10) }),
});

export const CaseNoticeWithheld = defineEvent({
  type: 'CaseNoticeWithheld',
  version: 1,
  category: CASE_NOTICE_CATEGORY,
  summary: 'The notice was not sent: the citizen opted out of notices before it was due.',
  schema: z.object({ caseId: CaseId, sourceEventId: SourceEventId, reason: z.enum(['opted-out']) }),
});

export const OptOutOfNotices = defineCommand({
  type: 'OptOutOfNotices',
  service: INTAKE_SERVICE,
  summary: 'The citizen wants no more SMS about their cases (an SMS "TD" / "退订" does the same).',
  schema: z.object({ phone: ChinesePhoneNumber }),
});

export const OptInToNotices = defineCommand({
  type: 'OptInToNotices',
  service: INTAKE_SERVICE,
  summary: 'The citizen wants SMS about their cases again.',
  schema: z.object({ phone: ChinesePhoneNumber }),
});

export const NoticesOptedOut = defineEvent({
  type: 'NoticesOptedOut',
  version: 1,
  category: NOTICE_OPT_OUT_CATEGORY,
  summary: 'No SMS about cases goes to this number any more.',
  schema: z.object({ phone: CanonicalPhoneNumber }),
});

export const NoticesOptedIn = defineEvent({
  type: 'NoticesOptedIn',
  version: 1,
  category: NOTICE_OPT_OUT_CATEGORY,
  summary: 'SMS about cases go to this number again.',
  schema: z.object({ phone: CanonicalPhoneNumber }),
});

export const caseNoticeEvents = [
  CaseNoticesSubscribed,
  CaseNoticeQueued,
  CaseNoticeSent,
  CaseNoticeWithheld,
] as const;
export const noticeOptOutCommands = [OptOutOfNotices, OptInToNotices] as const;
export const noticeOptOutEvents = [NoticesOptedOut, NoticesOptedIn] as const;
