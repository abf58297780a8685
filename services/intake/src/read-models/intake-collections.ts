/** The intake read models (collections of the read store). */
export const IntakeCollection = {
  /** One document per contact: the contact log, caller history (indexed by phone), open contacts. */
  contacts: 'intake_contacts',
  /** One document per case, from the workflow's case events: what duplicate detection compares with. */
  caseFingerprints: 'intake_case_fingerprints',
  /** One document per blocked number. */
  blocklist: 'intake_blocklist',
} as const;
