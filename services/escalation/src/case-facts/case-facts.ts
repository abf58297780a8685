import { CASE_CATEGORY, type RecordedEvent } from '@hotline/contracts';
import type { EventStore } from '@hotline/infra/event-store';

/** What reminders and supervision need to know of a case, folded from the workflow's own events. */
export interface CaseFacts {
  caseId: string;
  caseNumber: string | undefined;
  /** The district the case was registered in (its stream's first event). */
  districtId: string;
  /** The unit holding the case: the lead, or the sub-unit it was passed to; none at the center. */
  unitId: string | undefined;
  /** Every unit the case was ever given, for a unit user's scope. */
  involvedUnitIds: string[];
  dueAt: string | undefined;
  finished: boolean;
  /** Returns by lead units (buck-passing counts them). */
  returns: number;
  repeatContacts: number;
  /** 紧急: registered as urgent. */
  urgent: boolean;
  categoryCode: string | undefined;
  /** The matter as registered, and where (for the emergency office's report). */
  content: string | undefined;
  address: string | undefined;
  registeredAt: string | undefined;
}

const FINISHED = new Set([
  'CaseCompleted',
  'CaseClosed',
  'CaseDeclined',
  'CaseAnsweredAtIntake',
  'CaseMerged',
]);
const DISPATCHES = new Set([
  'CaseDispatched',
  'CaseRedispatched',
  'CaseDispatchedToFallbackUnit',
  'CaseRedone',
]);

/** The facts of a case from its events, oldest first; undefined when it has none. */
export function foldCaseFacts(events: readonly RecordedEvent[]): CaseFacts | undefined {
  const first = events[0];
  if (!first) return undefined;
  const facts: CaseFacts = {
    caseId: (first.data as { caseId: string }).caseId,
    caseNumber: undefined,
    districtId: first.metadata.districtId,
    unitId: undefined,
    involvedUnitIds: [],
    dueAt: undefined,
    finished: false,
    returns: 0,
    repeatContacts: 0,
    urgent: false,
    categoryCode: undefined,
    content: undefined,
    address: undefined,
    registeredAt: undefined,
  };
  const involve = (unitId: string) => {
    if (!facts.involvedUnitIds.includes(unitId)) facts.involvedUnitIds.push(unitId);
  };
  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    if (event.type === 'CaseRegistered') {
      facts.caseNumber = data.caseNumber as string;
      facts.urgent = data.urgency === 'urgent';
      facts.categoryCode = data.categoryCode as string;
      facts.content = data.content as string;
      facts.address = (data.place as { address?: string } | undefined)?.address;
      facts.registeredAt = event.time;
    } else if (DISPATCHES.has(event.type)) {
      facts.unitId = (data.lead as { unitId: string }).unitId;
      facts.dueAt = data.dueAt as string;
      facts.finished = false;
      involve(facts.unitId);
    } else if (event.type === 'CaseSubDispatched') {
      facts.unitId = data.toUnitId as string;
      involve(facts.unitId);
    } else if (event.type === 'CaseReturned' && data.role === 'lead') {
      facts.returns += 1;
      facts.unitId = data.returnedToUnitId as string | undefined;
    } else if (event.type === 'CaseExtensionApproved') facts.dueAt = data.dueAt as string;
    else if (event.type === 'CaseRepeatContactRecorded') facts.repeatContacts += 1;
    else if (FINISHED.has(event.type)) facts.finished = true;
  }
  return facts;
}

/** Reads the case's stream (the workflow's, in the shared event store) and folds its facts. */
export async function loadCaseFacts(store: EventStore, caseId: string): Promise<CaseFacts | undefined> {
  return foldCaseFacts(await store.readStreamOrEmpty(`${CASE_CATEGORY}-${caseId}`));
}
