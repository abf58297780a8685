/** The intake read models (collections of the read store). */
export const IntakeCollection = {
  /** One document per contact: the contact log, caller history (indexed by phone), open contacts. */
  contacts: 'intake_contacts',
  /** One document per district of the city (from the workflow's units): the contact log's place names. */
  districts: 'intake_districts',
  /** One document per blocked number. */
  blocklist: 'intake_blocklist',
} as const;
