/** The workflow's read-model collections. */
export const CASES = 'workflow_cases';
export const UNIT_TASKS = 'workflow_unit_tasks';
export const CASE_TIMELINE = 'workflow_case_timeline';
/** Case numbers given to contacts that wait for an agent, by number. */
export const CASE_NUMBER_RESERVATIONS = 'workflow_case_number_reservations';

export const taskDocumentId = (caseId: string, unitId: string): string => `${caseId}|${unitId}`;
export const UNITS = 'workflow_units';
export const DISPATCH_CATALOGUE = 'workflow_dispatch_catalogue';

export const catalogueEntryId = (
  catalogueId: string,
  categoryCode: string,
  districtId: string | undefined,
): string => `${catalogueId}|${categoryCode}|${districtId ?? '*'}`;
