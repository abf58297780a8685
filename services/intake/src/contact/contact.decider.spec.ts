import type { ContactAssessment, ContactEvent } from '@hotline/contracts';
import { deciderSpec, SPEC_NOW } from '../testing/decider-spec';
import type { ContactDecision } from './contact-decision';
import { contactDecider } from './contact.decider';
import { ContactError } from './contact.errors';

const spec = deciderSpec(contactDecider);
const contactId = 'sms-20250602-0001';
const contact = {
  contactId,
  channel: 'sms' as const,
  receivedAt: '2025-06-02T01:59:00.000Z',
  caller: { phone: '13800138000', anonymous: false },
  content: '幸福小区门口路灯不亮',
  attachments: [],
};
const assessment: ContactAssessment = {
  classification: {
    type: 'complaint',
    categoryCode: '010102',
    confidence: 0.8,
    signals: ['路灯'],
    classifier: 'rules:test@1',
  },
  duplicates: [],
};
const recorded: ContactEvent = { type: 'ContactRecorded', data: contact };
const assessed: ContactEvent = { type: 'ContactAssessed', data: { contactId, ...assessment } };
const quarantined: ContactEvent = {
  type: 'ContactQuarantined',
  data: { contactId, reason: 'flood', detail: '11 messages in 10 minutes' },
};
const registered: ContactEvent = {
  type: 'ContactCaseRegistered',
  data: { contactId, caseId: 'case-1', caseNumber: '00005724' },
};
const record: ContactDecision = { type: 'Record', data: { contact, assessment } };

describe('contact aggregate', () => {
  it('records a contact with its assessment', () => {
    spec.given([]).when(record).then([recorded, assessed]);
  });

  it('records a contact that arrives in a flood, quarantined', () => {
    spec
      .given([])
      .when({
        type: 'Record',
        data: { contact, assessment, quarantine: { reason: 'flood', detail: '11 messages in 10 minutes' } },
      })
      .then([recorded, assessed, quarantined]);
  });

  it('records a contact with the outcome decided at once (a referral, a merge) in one decision', () => {
    const explanation = '请立即拨打119';
    spec
      .given([])
      .when({
        type: 'Record',
        data: { contact, assessment, then: { type: 'Refer', data: { service: '119', explanation } } },
      })
      .then([
        recorded,
        assessed,
        { type: 'ContactReferred', data: { contactId, service: '119', explanation } },
      ]);
    const merge = { caseId: 'case-1', caseNumber: '00005724', similarity: 0.8, automatic: true };
    spec
      .given([])
      .when({ type: 'Record', data: { contact, assessment, then: { type: 'Merge', data: merge } } })
      .then([recorded, assessed, { type: 'ContactMergedIntoCase', data: { contactId, ...merge } }]);
  });

  it('does not merge a contact recorded in quarantine, in the same decision either', () => {
    spec
      .given([])
      .when({
        type: 'Record',
        data: {
          contact,
          assessment,
          quarantine: { reason: 'flood', detail: '11 messages in 10 minutes' },
          then: { type: 'Merge', data: { caseId: 'case-1', automatic: true } },
        },
      })
      .thenRejects(ContactError.Quarantined);
  });

  it('rejects recording the same contact id twice', () => {
    spec.given([recorded, assessed]).when(record).thenRejects(ContactError.AlreadyRecorded);
  });

  it('records the case a contact became', () => {
    spec
      .given([recorded, assessed])
      .when({ type: 'RecordCase', data: { caseId: 'case-1', caseNumber: '00005724' } })
      .then([registered]);
  });

  it('merges a repeat into an open case, saying whether an agent did it', () => {
    spec
      .given([recorded, assessed])
      .when({ type: 'Merge', data: { caseId: 'case-9', similarity: 0.42, automatic: true } })
      .then([
        {
          type: 'ContactMergedIntoCase',
          data: { contactId, caseId: 'case-9', similarity: 0.42, automatic: true },
        },
      ]);
  });

  it('rejects a second outcome, naming the first', () => {
    spec
      .given([recorded, assessed, registered])
      .when({ type: 'Abandon', data: {} })
      .thenRejects(ContactError.AlreadyConcluded, /already ended as case-registered/);
  });

  it('rejects acting on a contact never recorded', () => {
    spec.given([]).when({ type: 'Abandon', data: {} }).thenRejects(ContactError.NotRecorded);
  });

  it('keeps a quarantined contact from becoming a case until it is released', () => {
    spec
      .given([recorded, assessed, quarantined])
      .when({ type: 'RecordCase', data: { caseId: 'case-1' } })
      .thenRejects(ContactError.Quarantined);
    spec
      .given([recorded, assessed, quarantined, { type: 'ContactReleased', data: { contactId } }])
      .when({ type: 'RecordCase', data: { caseId: 'case-1' } })
      .then([{ type: 'ContactCaseRegistered', data: { contactId, caseId: 'case-1' } }]);
  });

  it('still refers an emergency or marks harassment while quarantined', () => {
    spec
      .given([recorded, assessed, quarantined])
      .when({ type: 'MarkAsHarassment', data: { note: '同一号码十分钟内发送50条辱骂短信' } })
      .then([
        { type: 'ContactMarkedAsHarassment', data: { contactId, note: '同一号码十分钟内发送50条辱骂短信' } },
      ]);
  });

  it('rejects releasing a contact that is not quarantined', () => {
    spec
      .given([recorded, assessed])
      .when({ type: 'Release', data: {} })
      .thenRejects(ContactError.NotQuarantined);
  });

  it('quarantines a contact only once', () => {
    spec
      .given([recorded, assessed, quarantined])
      .when({ type: 'Quarantine', data: { reason: 'flood', detail: 'again' } })
      .then([]);
  });

  it('refers emergencies instead of declining them', () => {
    spec
      .given([recorded, assessed])
      .when({ type: 'Decline', data: { reason: 'emergency-119', explanation: '请拨打119' } })
      .thenRejects(ContactError.UseReferral);
    spec
      .given([recorded, assessed])
      .when({ type: 'Refer', data: { service: '119', explanation: '请立即拨打119火警电话。' } })
      .then([
        {
          type: 'ContactReferred',
          data: { contactId, service: '119', explanation: '请立即拨打119火警电话。' },
        },
      ]);
  });

  it('declines with a reason and the explanation for the citizen', () => {
    spec
      .given([recorded, assessed])
      .when({ type: 'Decline', data: { reason: 'in-legal-proceedings', explanation: '已进入诉讼程序' } })
      .then([
        {
          type: 'ContactNotAccepted',
          data: { contactId, reason: 'in-legal-proceedings', explanation: '已进入诉讼程序' },
        },
      ]);
  });

  it('records replies after the outcome, but not on a phone contact', () => {
    spec
      .given([recorded, assessed, registered])
      .when({ type: 'Reply', data: { text: '已受理' } })
      .then([{ type: 'ContactReplied', data: { contactId, text: '已受理' } }]);
    spec
      .given([{ type: 'ContactRecorded', data: { ...contact, channel: 'phone' } }])
      .when({ type: 'Reply', data: { text: '已受理' } })
      .thenRejects(ContactError.NoReplyChannel);
  });

  it('adds chat messages from the citizen (through the portal) and the agent, also after the outcome', () => {
    const chat: ContactEvent = { type: 'ContactRecorded', data: { ...contact, channel: 'chat' } };
    const portal = { actor: { id: 'citizen-portal', role: 'system' as const } };
    spec
      .given([chat, assessed])
      .when({ type: 'PostChatMessage', data: { from: 'citizen', text: '路灯还是不亮' } }, portal)
      .then([
        {
          type: 'ChatMessagePosted',
          data: { contactId, from: 'citizen', text: '路灯还是不亮', at: SPEC_NOW.toISOString() },
        },
      ]);
    spec
      .given([chat, assessed, registered])
      .when({ type: 'PostChatMessage', data: { from: 'agent', text: '已为您登记工单' } })
      .then([
        {
          type: 'ChatMessagePosted',
          data: { contactId, from: 'agent', text: '已为您登记工单', at: SPEC_NOW.toISOString() },
        },
      ]);
  });

  it('refuses a chat message to an unknown chat, to a contact that is no chat, or in the wrong name', () => {
    const chat: ContactEvent = { type: 'ContactRecorded', data: { ...contact, channel: 'chat' } };
    const portal = { actor: { id: 'citizen-portal', role: 'system' as const } };
    const message = (from: 'citizen' | 'agent'): ContactDecision => ({
      type: 'PostChatMessage',
      data: { from, text: '你好' },
    });
    spec.given([]).when(message('citizen'), portal).thenRejects(ContactError.NotRecorded);
    spec.given([recorded]).when(message('citizen'), portal).thenRejects(ContactError.NotAChat);
    spec.given([chat]).when(message('citizen')).thenRejects(ContactError.RoleNotAllowed);
    spec.given([chat]).when(message('agent'), portal).thenRejects(ContactError.RoleNotAllowed);
  });

  it('lets no handling unit act on contacts', () => {
    spec
      .given([])
      .when(record, { actor: { id: 'u-1', role: 'unit', unitId: 'gulou-street' } })
      .thenRejects(ContactError.RoleNotAllowed);
  });
});
