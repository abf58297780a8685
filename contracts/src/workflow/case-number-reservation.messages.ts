import { z } from 'zod';
import { CaseNumber } from '../kernel/case-number';
import { ClientId } from '../kernel/ids';
import { defineCommand, defineEvent } from '../messages/define';
import { personal } from '../messages/personal-data';
import { WORKFLOW_SERVICE } from './case.values';

/** The stream category of case number reservations (`caseNumberReservation-<contactId>`). */
export const CASE_NUMBER_RESERVATION_CATEGORY = 'caseNumberReservation';

const PhoneLast4 = personal(z.string().regex(/^\d{4}$/, 'must be the last four digits of the phone number'));

export const ReserveCaseNumber = defineCommand({
  type: 'ReserveCaseNumber',
  service: WORKFLOW_SERVICE,
  summary:
    'Reserve the case number of a self-service contact that waits for an agent: the citizen gets it at once, the case registered from the contact later carries it. Once per contact; the reply carries the number.',
  schema: z.object({
    contactId: ClientId,
    /** Lets the citizen track the number before the case exists (the same check as for a case). */
    phoneLast4: PhoneLast4.optional(),
  }),
});

export const CaseNumberReserved = defineEvent({
  type: 'CaseNumberReserved',
  version: 1,
  category: CASE_NUMBER_RESERVATION_CATEGORY,
  summary:
    'A case number was reserved for a contact; the case registered from that contact takes it, and tracking answers "accepted" until then.',
  schema: z.object({ contactId: ClientId, caseNumber: CaseNumber, phoneLast4: PhoneLast4.optional() }),
});

export const caseNumberReservationCommands = [ReserveCaseNumber] as const;
export const caseNumberReservationEvents = [CaseNumberReserved] as const;
