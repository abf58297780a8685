import type { CaseDetailView, CaseStatus } from '@hotline/contracts';
import type { Open311Fields } from './open311-format';

/** GeoReport v2 knows two states: a case is closed once the loop no longer waits on a unit. */
const CLOSED: ReadonlySet<CaseStatus> = new Set(['completed', 'closed', 'declined', 'merged']);
export const OPEN_STATUSES: CaseStatus[] = ['registered', 'dispatched', 'returned', 'signed', 'replied'];
export const CLOSED_STATUSES: CaseStatus[] = ['completed', 'closed', 'declined', 'merged'];

export const open311Status = (status: CaseStatus): 'open' | 'closed' =>
  CLOSED.has(status) ? 'closed' : 'open';

/** What the citizen is told about a closed case: the unit's reply, or why it was not handled on its own. */
function statusNotes(view: CaseDetailView): string | undefined {
  if (view.status === 'declined') return '不予受理';
  if (view.status === 'merged') return '已与其他工单合并办理';
  return CLOSED.has(view.status) ? view.reply?.result : undefined;
}

export interface Names {
  /** A category's name by code. */
  service(code: string): string | undefined;
  /** A unit's name by id. */
  unit(unitId: string): string | undefined;
}

/**
 * A case as a GeoReport v2 service request: the case number is the `service_request_id`, the lead
 * unit the `agency_responsible`, the deadline in force the `expected_datetime`.
 */
export function requestFields(view: CaseDetailView, names: Names): Open311Fields {
  const agency = view.leadUnitId ? (names.unit(view.leadUnitId) ?? view.leadUnitId) : undefined;
  return [
    ['service_request_id', view.caseNumber],
    ['status', open311Status(view.status)],
    ['status_notes', statusNotes(view)],
    ['service_name', names.service(view.categoryCode)],
    ['service_code', view.categoryCode],
    ['description', view.content],
    ['agency_responsible', agency],
    ['service_notice', undefined],
    ['requested_datetime', view.registeredAt],
    ['updated_datetime', view.updatedAt],
    ['expected_datetime', view.dueAt ?? view.deadlineAt],
    ['address', view.place?.address ?? view.address],
    ['lat', view.place?.lat],
    ['long', view.place?.lng],
  ];
}
