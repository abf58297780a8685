import type { CaseEvent } from '@hotline/contracts';

const units = (list: ReadonlyArray<{ unitId: string }>): string => list.map((c) => c.unitId).join(', ');
const coHandlers = (list: ReadonlyArray<{ unitId: string }>): string =>
  list.length > 0 ? `; co-handlers ${units(list)}` : '';

/** One line for a case's timeline: what happened, in the words of the closed loop. */
export function timelineSummary(event: CaseEvent): string {
  switch (event.type) {
    case 'CaseRegistered':
      return `Registered as ${event.data.type} ${event.data.categoryCode} via ${event.data.channel}, number ${event.data.caseNumber}`;
    case 'CaseAnsweredAtIntake':
      return 'Answered directly at intake and closed';
    case 'CaseDeclined':
      return `Not accepted (${event.data.reason})${event.data.referral ? `, referred to ${event.data.referral}` : ''}`;
    case 'CaseMerged':
      return `Merged into case ${event.data.masterCaseId} as a duplicate`;
    case 'CaseDuplicateLinked':
      return `Duplicate case ${event.data.duplicateCaseId} linked`;
    case 'CaseDispatched':
      return `Dispatched to ${event.data.lead.unitId}${coHandlers(event.data.coHandlers)}, due ${event.data.dueAt}`;
    case 'CaseRedispatched':
      return `Re-dispatched from ${event.data.previousLeadUnitId} to ${event.data.lead.unitId}${coHandlers(event.data.coHandlers)}, due ${event.data.dueAt}`;
    case 'CaseDispatchedToFallbackUnit':
      return `Dispatched to the fallback unit ${event.data.lead.unitId} (${event.data.reason}), due ${event.data.dueAt}`;
    case 'CaseSubDispatched':
      return `Passed on by ${event.data.fromUnitId} to ${event.data.toUnitId}`;
    case 'CaseReportedToLeader':
      return 'Reported to the leaders';
    case 'CaseLeaderInstructionRecorded':
      return "Leader's instruction recorded";
    case 'CaseSigned':
      return `Signed by ${event.data.unitId} (${event.data.role})`;
    case 'CaseReturned':
      return `Returned by ${event.data.unitId} (${event.data.reason})${event.data.returnedToUnitId ? ` to ${event.data.returnedToUnitId}` : ' to the center'}`;
    case 'CaseExtensionRequested':
      return `Extension to ${event.data.requestedDueAt} requested by ${event.data.unitId}`;
    case 'CaseExtensionApproved':
      return `Extension approved: due ${event.data.dueAt}`;
    case 'CaseExtensionRejected':
      return 'Extension rejected';
    case 'CaseCoHandlerReplied':
      return `Co-handler ${event.data.unitId} replied`;
    case 'CaseReplied':
      return `Replied by ${event.data.unitId}${event.data.attachments.length > 0 ? ` with ${event.data.attachments.length} attachment(s)` : ''}`;
    case 'CaseCompleted':
      return 'Reply accepted: completed';
    case 'CaseReplySentBack':
      return 'Reply sent back to the unit';
    case 'CaseCallbackRecorded':
      return event.data.reached
        ? `Callback: efficiency ${event.data.ratings.efficiency}, attitude ${event.data.ratings.attitude}, result ${event.data.ratings.result}${event.data.redoRequired ? '; redo required' : ''}`
        : 'Callback: citizen not reached';
    case 'CaseClosed':
      return event.data.callbackWaiver ? `Closed without callback (${event.data.callbackWaiver})` : 'Closed';
    case 'CaseRedone':
      return `Redo ${event.data.redoCount}${event.data.underSupervision ? ' under supervision' : ''}: back to ${event.data.lead.unitId}, due ${event.data.dueAt}`;
    case 'CaseRepeatContactRecorded':
      return `The citizen contacted the hotline again (repeat ${event.data.repeatCount})`;
    case 'CasePublicRecordReviewed':
      return event.data.decision === 'publish'
        ? 'Published in the public record'
        : `Withheld from the public record: ${event.data.reason}`;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
