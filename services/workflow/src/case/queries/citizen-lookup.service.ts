import {
  NotFoundError,
  ValidationError,
  isValidCaseNumber,
  type CitizenCaseView,
  type LookUpCaseForCitizen,
} from '@hotline/contracts';
import type { ReadDocument, ReadStore } from '@hotline/infra/read-store';
import type { z } from 'zod';
import type { CaseDocument } from '../read-models/case-documents';
import { CASES, CASE_NUMBER_RESERVATIONS } from '../../read-models/read-model-collections';
import type { WorkflowSettings } from '../../workflow-settings';

const CITIZEN_FIELDS = {
  caseNumber: 1,
  status: 1,
  phoneLast4: 1,
  registeredAt: 1,
  publicAnswer: 1,
  state: 1,
} as const;
type CitizenFields = Pick<
  CaseDocument,
  'caseNumber' | 'status' | 'phoneLast4' | 'registeredAt' | 'publicAnswer' | 'state'
>;

/**
 * The citizen's view (IVR status query, portal): the case number and the last four digits of the
 * phone number give the status and the answer, nothing else. A wrong number and a wrong phone give
 * the same answer, so the lookup cannot be used to find out which case numbers exist. A duplicate
 * merged into a master case is answered with the master's progress.
 */
export class CitizenLookupService {
  constructor(private readonly deps: { store: ReadStore; settings: WorkflowSettings }) {}

  async lookUp(query: z.infer<(typeof LookUpCaseForCitizen)['schema']>): Promise<CitizenCaseView> {
    if (!isValidCaseNumber(query.caseNumber, this.deps.settings.caseNumbers)) {
      throw new ValidationError('caseNumber', 'is not a valid case number (check the digits)');
    }
    const cases = this.deps.store.collection<CaseDocument>(CASES);
    const own = await cases.findOne<CitizenFields>(
      { caseNumber: query.caseNumber },
      { projection: CITIZEN_FIELDS },
    );
    if (!own) return this.reserved(query);
    if (own.phoneLast4 === null || own.phoneLast4 !== query.phoneLast4) {
      throw new NotFoundError('case', query.caseNumber);
    }
    const masterId = own.status === 'merged' ? own.state.masterCaseId : undefined;
    const master = masterId
      ? await cases.findOne<CitizenFields>({ _id: masterId }, { projection: CITIZEN_FIELDS })
      : null;
    const source = master ?? own;
    const answer = source.publicAnswer;
    return {
      caseNumber: own.caseNumber,
      status: publicStatus(source.status),
      registeredAt: own.registeredAt,
      ...(answer
        ? {
            answer: answer.answer,
            answeredAt: answer.at,
            ...(answer.referral ? { referral: answer.referral } : {}),
          }
        : {}),
    };
  }

  /**
   * A number given on submit to a contact that still waits for an agent (no case yet): accepted,
   * under the same phone check as a case.
   */
  private async reserved(query: { caseNumber: string; phoneLast4: string }): Promise<CitizenCaseView> {
    const reservation = await this.deps.store
      .collection<ReservationDocument>(CASE_NUMBER_RESERVATIONS)
      .findOne({ _id: query.caseNumber });
    if (!reservation || reservation.phoneLast4 === null || reservation.phoneLast4 !== query.phoneLast4) {
      throw new NotFoundError('case', query.caseNumber);
    }
    return { caseNumber: query.caseNumber, status: 'accepted', registeredAt: reservation.reservedAt };
  }
}

interface ReservationDocument extends ReadDocument {
  _id: string;
  phoneLast4: string | null;
  reservedAt: string;
}

function publicStatus(status: CaseDocument['status']): CitizenCaseView['status'] {
  switch (status) {
    case 'registered':
    case 'merged':
      return 'accepted';
    case 'dispatched':
    case 'returned':
    case 'signed':
    case 'replied':
      return 'in-progress';
    case 'completed':
    case 'closed':
      return 'answered';
    case 'declined':
      return 'not-accepted';
    default: {
      const unknown: never = status;
      return unknown;
    }
  }
}
