/** The intake read models (collections of the read store). */
export const IntakeCollection = {
  /** One document per contact: the contact log, caller history (indexed by phone), open contacts. */
  contacts: 'intake_contacts',
  /** One document per blocked number. */
  blocklist: 'intake_blocklist',
} as const;
