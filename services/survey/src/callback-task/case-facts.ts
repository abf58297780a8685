import type { CaseChannel, CaseType, RecordedEvent } from '@hotline/contracts';

/** What a callback needs to know about a case, read from the case's own stream. */
export interface CaseFacts {
  caseId: string;
  caseNumber: string;
  districtId: string;
  type: CaseType;
  channel: CaseChannel;
  categoryCode: string;
  phone?: string;
  anonymous: boolean;
  /** The lead unit of the last reply: the unit a dissatisfied answer is about. */
  unitId?: string;
  status: 'open' | 'completed' | 'closed' | 'ended';
  /** When the case last completed (办结), and how many times it has (1 + redos). */
  completedAt?: string;
  completions: number;
  /** A callback was recorded on the case since it last completed. */
  calledBackSinceCompletion: boolean;
}

interface Registered {
  caseId: string;
  caseNumber: string;
  type: CaseType;
  channel: CaseChannel;
  categoryCode: string;
  citizen: { phone?: string; anonymous?: boolean };
}

/**
 * Folds the case's events (`case-<id>`) up to and including position `upTo` (default: all) into the
 * facts a callback task is made from. Undefined for a stream without a registration.
 */
export function caseFactsOf(events: readonly RecordedEvent[], upTo?: number): CaseFacts | undefined {
  let facts: CaseFacts | undefined;
  for (const event of events) {
    if (upTo !== undefined && event.position > upTo) break;
    if (event.type === 'CaseRegistered') {
      const data = event.data as Registered;
      facts = {
        caseId: data.caseId,
        caseNumber: data.caseNumber,
        districtId: event.metadata.districtId,
        type: data.type,
        channel: data.channel,
        categoryCode: data.categoryCode,
        ...(data.citizen.phone !== undefined ? { phone: data.citizen.phone } : {}),
        anonymous: data.citizen.anonymous ?? false,
        status: 'open',
        completions: 0,
        calledBackSinceCompletion: false,
      };
      continue;
    }
    if (!facts) continue;
    facts = foldFact(facts, event);
  }
  return facts;
}

function foldFact(facts: CaseFacts, event: RecordedEvent): CaseFacts {
  const data = event.data as { unitId?: string };
  switch (event.type) {
    case 'CaseReplied':
      return { ...facts, ...(data.unitId ? { unitId: data.unitId } : {}) };
    case 'CaseCompleted':
      return {
        ...facts,
        status: 'completed',
        completedAt: event.time,
        completions: facts.completions + 1,
        calledBackSinceCompletion: false,
      };
    case 'CaseCallbackRecorded':
      return { ...facts, calledBackSinceCompletion: true };
    case 'CaseRedone':
      return { ...facts, status: 'open' };
    case 'CaseClosed':
      return { ...facts, status: 'closed' };
    case 'CaseAnsweredAtIntake':
    case 'CaseDeclined':
    case 'CaseMerged':
      return { ...facts, status: 'ended' };
    default:
      return facts;
  }
}
