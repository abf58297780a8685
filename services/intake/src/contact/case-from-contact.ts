import { createHash } from 'node:crypto';
import type { CallerIdentity, CaseChannel, ContactChannel } from '@hotline/contracts';
import type { RegisterCaseData } from '../case-desk/case-desk.port';

const CASE_CHANNEL: Readonly<Record<ContactChannel, CaseChannel>> = {
  phone: 'phone',
  web: 'web',
  // A web chat comes through the portal: the case's channel is the web.
  chat: 'web',
  sms: 'sms',
  email: 'email',
  wechat: 'wechat',
  'mayor-mailbox': 'mayor-mailbox',
  api: 'open311',
};

export const caseChannelOf = (channel: ContactChannel): CaseChannel => CASE_CHANNEL[channel];

/**
 * The citizen of a case from the caller identity: named when a name and a phone number were
 * given; otherwise anonymous (匿名), keeping the phone number when there is one for the callback.
 */
export function citizenOf(caller: CallerIdentity): RegisterCaseData['citizen'] {
  const base = { ...(caller.address ? { address: caller.address } : {}) };
  if (caller.name && caller.phone && !caller.anonymous)
    return { ...base, name: caller.name, phone: caller.phone };
  return { ...base, anonymous: true, ...(caller.phone ? { phone: caller.phone } : {}) };
}

/** The case a self-service contact becomes, with an id derived from the contact's: a retry registers it again, idempotently. */
export const caseIdForContact = (contactId: string): string =>
  `case-${createHash('sha1').update(`contact-case\n${contactId}`).digest('hex').slice(0, 32)}`;
