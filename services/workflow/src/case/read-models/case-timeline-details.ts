import type { CaseEvent, CaseTimelineDetails } from '@hotline/contracts';

type Plan = { lead: { unitId: string }; coHandlers: ReadonlyArray<{ unitId: string }>; dueAt: string };
const plan = (data: Plan, note?: string): CaseTimelineDetails => ({
  units: [data.lead.unitId, ...data.coHandlers.map((c) => c.unitId)],
  dueAt: data.dueAt,
  ...(note !== undefined ? { note } : {}),
});
const optional = <K extends keyof CaseTimelineDetails>(key: K, value: CaseTimelineDetails[K] | undefined) =>
  value !== undefined ? { [key]: value } : {};

/**
 * The data of a timeline line: what the console words in the reader's language. Free text the actor
 * wrote travels as `note`, so the next role sees the dispatch note, the reason or the instruction.
 */
export function timelineDetails(event: CaseEvent): CaseTimelineDetails {
  switch (event.type) {
    case 'CaseRegistered': {
      const { caseNumber, type, categoryCode, channel } = event.data;
      return { caseNumber, type, categoryCode, channel };
    }
    case 'CaseAnsweredAtIntake':
      return { note: event.data.answer };
    case 'CaseDeclined':
      return {
        reason: event.data.reason,
        note: event.data.explanation,
        ...optional('referral', event.data.referral),
      };
    case 'CaseMerged':
      return { linkedCaseId: event.data.masterCaseId };
    case 'CaseDuplicateLinked':
      return { linkedCaseId: event.data.duplicateCaseId };
    case 'CaseDispatched':
      return plan(event.data, event.data.note);
    case 'CaseRedispatched':
      return { ...plan(event.data, event.data.note), unitId: event.data.previousLeadUnitId };
    case 'CaseDispatchedToFallbackUnit':
      return { ...plan(event.data, event.data.note), reason: event.data.reason };
    case 'CaseSubDispatched':
      return {
        unitId: event.data.fromUnitId,
        toUnitId: event.data.toUnitId,
        ...optional('note', event.data.note),
      };
    case 'CaseReportedToLeader':
      return { note: event.data.summary };
    case 'CaseLeaderInstructionRecorded':
      return { note: event.data.instruction };
    case 'CaseSigned':
      return { unitId: event.data.unitId, role: event.data.role };
    case 'CaseReturned': {
      const { unitId, role, reason, explanation, basis, returnedToUnitId } = event.data;
      return { unitId, role, reason, note: explanation, basis, ...optional('toUnitId', returnedToUnitId) };
    }
    case 'CaseExtensionRequested': {
      const { unitId, reason, requestedDueAt, workingDays } = event.data;
      return { unitId, note: reason, dueAt: requestedDueAt, workingDays };
    }
    case 'CaseExtensionApproved':
      return {
        dueAt: event.data.dueAt,
        workingDays: event.data.workingDays,
        ...optional('note', event.data.comment),
      };
    case 'CaseExtensionRejected':
      return { note: event.data.reason };
    case 'CaseCoHandlerReplied':
    case 'CaseReplied':
      return { unitId: event.data.unitId, count: event.data.attachments.length };
    case 'CaseCompleted':
      return optional('note', event.data.comment);
    case 'CaseReplySentBack':
      return { note: event.data.reason };
    case 'CaseCallbackRecorded': {
      const data = event.data;
      return data.reached
        ? {
            reached: true,
            ratings: { ...data.ratings },
            redoRequired: data.redoRequired,
            ...optional('note', data.note),
          }
        : { reached: false, ...optional('note', data.note) };
    }
    case 'CaseClosed':
      return optional('reason', event.data.callbackWaiver);
    case 'CaseRedone': {
      const { reason, redoCount, underSupervision } = event.data;
      return { ...plan(event.data, reason), count: redoCount, underSupervision };
    }
    case 'CaseRepeatContactRecorded':
      return { count: event.data.repeatCount };
    case 'CasePublicRecordReviewed':
      return event.data.decision === 'publish'
        ? { decision: 'publish' }
        : { decision: 'withhold', note: event.data.reason };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
