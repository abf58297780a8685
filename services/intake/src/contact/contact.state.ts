import type { ContactChannel, ContactOutcome, QuarantineReason } from '@hotline/contracts';

/** A contact folded from its stream `contact-<contactId>`. */
export interface ContactState {
  status: 'none' | 'open' | 'concluded';
  contactId?: string;
  channel?: ContactChannel;
  quarantine?: QuarantineReason;
  outcome?: ContactOutcome;
  caseId?: string;
}

export const initialContactState = (): ContactState => ({ status: 'none' });
