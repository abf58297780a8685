import type { CaseEvent, DispatchPlan } from '@hotline/contracts';
import type { CaseRecord, CaseState, LeadAssignment, SuperiorAssignment } from './case.state';

/** Folds one event into the state. Total: it never rejects, history is what it is. */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  const next = apply(state, event);
  return next.status === 'none' || next === state ? next : withInvolvedUnits(next);
}

/** Remembers every unit the case reaches, so a unit that had it still finds it after a redispatch. */
function withInvolvedUnits(record: CaseRecord): CaseRecord {
  const current = [
    ...(record.lead ? [record.lead.unitId, ...record.lead.superiors.map((s) => s.unitId)] : []),
    ...record.coHandlers.map((c) => c.unitId),
  ];
  const added = current.filter((unitId) => !record.involvedUnitIds.includes(unitId));
  return added.length === 0 ? record : { ...record, involvedUnitIds: [...record.involvedUnitIds, ...added] };
}

function apply(state: CaseState, event: CaseEvent): CaseState {
  if (state.status === 'none') return event.type === 'CaseRegistered' ? registered(event.data) : state;
  switch (event.type) {
    case 'CaseRegistered':
      return state;
    case 'CaseAnsweredAtIntake':
      return { ...state, status: 'closed' };
    case 'CaseDeclined':
      return { ...state, status: 'declined' };
    case 'CaseMerged':
      return { ...state, status: 'merged', masterCaseId: event.data.masterCaseId };
    case 'CaseDuplicateLinked':
      return { ...state, duplicateCaseIds: [...state.duplicateCaseIds, event.data.duplicateCaseId] };
    case 'CaseDispatched':
    case 'CaseRedispatched':
      return handOver(state, event.data, { fallback: false, superiors: [] });
    case 'CaseDispatchedToFallbackUnit':
      return handOver(state, event.data, { fallback: true, superiors: [] });
    case 'CaseRedone':
      return {
        ...handOver(state, event.data, {
          fallback: state.lead?.fallback ?? false,
          superiors: state.lead?.superiors ?? [],
        }),
        redoCount: event.data.redoCount,
        underSupervision: event.data.underSupervision,
      };
    case 'CaseSubDispatched': {
      const { toUnitId, signBy, returnBy } = event.data;
      const superior = state.lead ? [superiorOf(state.lead)] : [];
      const lead: LeadAssignment = {
        unitId: toUnitId,
        signBy,
        returnBy,
        status: 'dispatched',
        fallback: false,
        superiors: [...(state.lead?.superiors ?? []), ...superior],
      };
      return { ...state, status: 'dispatched', lead };
    }
    case 'CaseSigned':
      if (event.data.role === 'co-handler') return withCoHandler(state, event.data.unitId, 'signed');
      return state.lead ? { ...state, status: 'signed', lead: { ...state.lead, status: 'signed' } } : state;
    case 'CaseReturned':
      if (event.data.role === 'co-handler') return withCoHandler(state, event.data.unitId, 'returned');
      return returned(state, event.data.returnedToUnitId);
    case 'CaseExtensionRequested': {
      const { unitId, requestedDueAt, workingDays } = event.data;
      return { ...state, pendingExtension: { unitId, requestedDueAt, workingDays } };
    }
    case 'CaseExtensionApproved':
      return {
        ...state,
        dueAt: event.data.dueAt,
        extendedWorkingDays: state.extendedWorkingDays + event.data.workingDays,
        pendingExtension: undefined,
      };
    case 'CaseExtensionRejected':
      return { ...state, pendingExtension: undefined };
    case 'CaseCoHandlerReplied':
      return withCoHandler(state, event.data.unitId, 'replied');
    case 'CaseReplied':
      return { ...state, status: 'replied', pendingExtension: undefined };
    case 'CaseReplySentBack':
      return { ...state, status: 'signed' };
    case 'CaseCompleted':
      return { ...state, status: 'completed', lastCallback: undefined };
    case 'CaseCallbackRecorded':
      return {
        ...state,
        lastCallback: {
          reached: event.data.reached,
          redoRequired: event.data.reached && event.data.redoRequired,
        },
      };
    case 'CaseClosed':
      return { ...state, status: 'closed' };
    case 'CaseReportedToLeader':
      return { ...state, reportedToLeader: true };
    case 'CaseLeaderInstructionRecorded':
      return { ...state, leaderInstructionCount: state.leaderInstructionCount + 1 };
    case 'CaseRepeatContactRecorded':
      return { ...state, repeatContactIds: [...state.repeatContactIds, event.data.contactId] };
    case 'CasePublicRecordReviewed':
      // What is published is the read models' business; the decision changes no rule of the case.
      return state;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function registered(data: Extract<CaseEvent, { type: 'CaseRegistered' }>['data']): CaseRecord {
  return {
    status: 'registered',
    caseId: data.caseId,
    caseNumber: data.caseNumber,
    profile: {
      type: data.type,
      urgency: data.urgency,
      simple: data.simple,
      convenienceList: data.convenienceList,
    },
    citizenAnonymous: data.citizen.anonymous,
    coHandlers: [],
    involvedUnitIds: [],
    extendedWorkingDays: 0,
    returnCount: 0,
    redoCount: 0,
    underSupervision: false,
    reportedToLeader: false,
    leaderInstructionCount: 0,
    duplicateCaseIds: [],
    repeatContactIds: [],
  };
}

/** A new handling starts: new units, new deadlines, no extension granted or pending. */
function handOver(
  state: CaseRecord,
  plan: DispatchPlan,
  lead: Pick<LeadAssignment, 'fallback' | 'superiors'>,
): CaseRecord {
  return {
    ...state,
    status: 'dispatched',
    lead: { ...plan.lead, status: 'dispatched', ...lead },
    coHandlers: plan.coHandlers.map((c) => ({ ...c, status: 'dispatched' })),
    dueAt: plan.dueAt,
    limitWorkingDays: plan.limitWorkingDays,
    extendedWorkingDays: 0,
    pendingExtension: undefined,
    lastCallback: undefined,
  };
}

/** A lead's return: back to the unit above it, which had signed, or to the center. */
function returned(state: CaseRecord, returnedToUnitId: string | undefined): CaseRecord {
  const lead = state.lead;
  if (!lead) return state;
  const superior = lead.superiors.at(-1);
  if (returnedToUnitId !== undefined && superior?.unitId === returnedToUnitId) {
    const restored: LeadAssignment = {
      ...superior,
      status: 'signed',
      superiors: lead.superiors.slice(0, -1),
    };
    return { ...state, status: 'signed', lead: restored };
  }
  return {
    ...state,
    status: 'returned',
    lead: { ...lead, status: 'returned' },
    returnCount: state.returnCount + 1,
  };
}

const superiorOf = ({ unitId, signBy, returnBy, fallback }: LeadAssignment): SuperiorAssignment => ({
  unitId,
  signBy,
  returnBy,
  fallback,
});

function withCoHandler(
  state: CaseRecord,
  unitId: string,
  status: CaseRecord['coHandlers'][number]['status'],
): CaseRecord {
  return { ...state, coHandlers: state.coHandlers.map((c) => (c.unitId === unitId ? { ...c, status } : c)) };
}
