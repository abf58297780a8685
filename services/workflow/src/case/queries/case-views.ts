import {
  WorkflowRole,
  caseColour,
  subDispatchColour,
  type CaseDetailView,
  type CaseSummaryView,
  type Citizen,
  type QueryViewer,
} from '@hotline/contracts';
import type { CaseDocument } from '../read-models/case-documents';
import type { WorkflowSettings } from '../../workflow-settings';

type SummaryFields = Pick<
  CaseDocument,
  | 'caseId'
  | 'caseNumber'
  | 'districtId'
  | 'status'
  | 'type'
  | 'categoryCode'
  | 'channel'
  | 'urgency'
  | 'title'
  | 'place'
  | 'leadUnitId'
  | 'registeredAt'
  | 'updatedAt'
  | 'deadlineAt'
  | 'hasDeadline'
  | 'subDispatchBy'
  | 'repeatCount'
  | 'replied'
  | 'repliedAt'
>;

/** The summary of a case at `now`: colour and overdue are derived here, never stored. */
export function caseSummary(doc: SummaryFields, now: Date, settings: WorkflowSettings): CaseSummaryView {
  const deadline = doc.hasDeadline && doc.deadlineAt !== null ? new Date(doc.deadlineAt) : undefined;
  const completedAt = doc.repliedAt !== null ? new Date(doc.repliedAt) : undefined;
  return {
    caseId: doc.caseId,
    caseNumber: doc.caseNumber,
    districtId: doc.districtId,
    status: doc.status,
    type: doc.type,
    categoryCode: doc.categoryCode,
    channel: doc.channel,
    urgency: doc.urgency,
    title: doc.title,
    ...(doc.place ? { address: doc.place.address } : {}),
    ...(doc.leadUnitId !== null ? { leadUnitId: doc.leadUnitId } : {}),
    registeredAt: doc.registeredAt,
    updatedAt: doc.updatedAt,
    ...(deadline
      ? {
          deadlineAt: deadline.toISOString(),
          colour: caseColour(settings.deadlines, settings.calendar, {
            now,
            dueAt: deadline,
            ...(completedAt ? { completedAt } : {}),
          }),
        }
      : {}),
    overdue: deadline !== undefined && !doc.replied && deadline < now,
    repeatCount: doc.repeatCount,
    ...subDispatchWindow(doc, now, settings),
  };
}

function subDispatchWindow(
  doc: Pick<SummaryFields, 'subDispatchBy' | 'leadUnitId'>,
  now: Date,
  settings: WorkflowSettings,
): Pick<CaseSummaryView, 'subDispatch'> {
  // Documents written before the window existed have no field at all.
  const by = doc.subDispatchBy ?? null;
  if (by === null || doc.leadUnitId === null) return {};
  const colour = subDispatchColour(settings.deadlines, now, new Date(by));
  return { subDispatch: { unitId: doc.leadUnitId, by, colour, overdue: colour === 'red' } };
}

const maskPhone = (phone: string): string =>
  phone.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2').replace(/^(0\d{2,3}-)\d+(\d{2})$/, '$1****$2');

/** The citizen as the viewer may see them: hidden from units when confidential, masked for leaders. */
export function visibleCitizen(citizen: Citizen, viewer: QueryViewer): Partial<Citizen> {
  const { role } = viewer.actor;
  if (role === WorkflowRole.Unit && citizen.confidential)
    return { confidential: true, anonymous: citizen.anonymous };
  if (role === WorkflowRole.Leader) {
    return { ...citizen, ...(citizen.phone !== undefined ? { phone: maskPhone(citizen.phone) } : {}) };
  }
  return citizen;
}

export function caseDetail(
  doc: CaseDocument,
  viewer: QueryViewer,
  now: Date,
  settings: WorkflowSettings,
): CaseDetailView {
  const { state } = doc;
  return {
    ...caseSummary(doc, now, settings),
    content: doc.content,
    citizen: visibleCitizen(doc.citizen, viewer),
    ...(doc.place ? { place: doc.place } : {}),
    attachments: doc.attachments,
    simple: doc.simple,
    convenienceList: doc.convenienceList,
    dispatchBy: doc.dispatchBy,
    units: doc.tasks.map((t) => ({
      unitId: t.unitId,
      role: t.role,
      status: t.state,
      ...(t.signBy !== null ? { signBy: t.signBy } : {}),
      ...(t.dueAt !== null ? { dueAt: t.dueAt } : {}),
      ...((t.subDispatchBy ?? null) !== null ? { subDispatchBy: t.subDispatchBy as string } : {}),
    })),
    ...(state.dueAt !== undefined ? { dueAt: new Date(state.dueAt).toISOString() } : {}),
    ...(state.limitWorkingDays !== undefined ? { limitWorkingDays: state.limitWorkingDays } : {}),
    extendedWorkingDays: state.extendedWorkingDays,
    ...(state.pendingExtension ? { pendingExtension: state.pendingExtension } : {}),
    returnCount: state.returnCount,
    redoCount: state.redoCount,
    underSupervision: state.underSupervision,
    reportedToLeader: state.reportedToLeader,
    leaderInstructionCount: state.leaderInstructionCount,
    ...(state.masterCaseId !== undefined ? { masterCaseId: state.masterCaseId } : {}),
    duplicateCaseIds: state.duplicateCaseIds,
    ...(doc.reply ? { reply: doc.reply } : {}),
    ...(doc.lastCallback ? { lastCallback: doc.lastCallback } : {}),
    ...(doc.closedAt !== null ? { closedAt: doc.closedAt } : {}),
  };
}
