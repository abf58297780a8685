import { CONTACT_COMMAND_ROLES, type ContactEvent } from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import type { ContactDecision } from './contact-decision';
import { ContactError, ContactRuleViolation } from './contact.errors';
import { evolveContact } from './contact.evolve';
import { initialContactState, type ContactState } from './contact.state';

/** Handling units read contacts through cases; only the hotline (and the platform itself) acts on them. */
const INTAKE_ROLES: ReadonlySet<string> = new Set(CONTACT_COMMAND_ROLES);
/** Outcomes a quarantined contact can still reach: nothing that would act on its content. */
const WHILE_QUARANTINED = new Set<ContactDecision['type']>([
  'Quarantine',
  'Release',
  'Refer',
  'Decline',
  'Abandon',
  'MarkAsHarassment',
  'Reply',
]);

const fail = (code: ContactError, message: string, details?: Record<string, unknown>): never => {
  throw new ContactRuleViolation(code, message, details);
};

function requireOpen(state: ContactState, decision: ContactDecision): void {
  if (state.status === 'none') fail(ContactError.NotRecorded, 'the contact has not been recorded');
  if (state.status === 'concluded') {
    fail(ContactError.AlreadyConcluded, `the contact already ended as ${state.outcome}`, {
      outcome: state.outcome,
      caseId: state.caseId,
    });
  }
  if (state.quarantine && !WHILE_QUARANTINED.has(decision.type)) {
    fail(ContactError.Quarantined, `the contact is quarantined (${state.quarantine}); release it first`, {
      quarantine: state.quarantine,
    });
  }
}

function decide(decision: ContactDecision, state: ContactState, context: DecideContext): ContactEvent[] {
  if (!INTAKE_ROLES.has(context.actor.role)) {
    fail(ContactError.RoleNotAllowed, `contacts are handled by the hotline, not role ${context.actor.role}`);
  }
  const contactId = state.contactId ?? '';
  switch (decision.type) {
    case 'Record': {
      if (state.status !== 'none')
        fail(ContactError.AlreadyRecorded, `contact ${decision.data.contact.contactId} is already recorded`);
      const { contact, assessment, quarantine, then } = decision.data;
      const events: ContactEvent[] = [
        { type: 'ContactRecorded', data: contact },
        { type: 'ContactAssessed', data: { contactId: contact.contactId, ...assessment } },
      ];
      if (quarantine)
        events.push({ type: 'ContactQuarantined', data: { contactId: contact.contactId, ...quarantine } });
      if (!then) return events;
      // One append for the contact and its outcome: decided on the state the recording leaves.
      const recorded = events.reduce(evolveContact, state);
      return [...events, ...decide(then, recorded, context)];
    }
    case 'Quarantine':
      requireOpen(state, decision);
      if (state.quarantine) return [];
      return [{ type: 'ContactQuarantined', data: { contactId, ...decision.data } }];
    case 'Release':
      requireOpen(state, decision);
      if (!state.quarantine) fail(ContactError.NotQuarantined, 'the contact is not quarantined');
      return [{ type: 'ContactReleased', data: { contactId, ...decision.data } }];
    case 'RecordCase':
      requireOpen(state, decision);
      return [{ type: 'ContactCaseRegistered', data: { contactId, ...decision.data } }];
    case 'Merge':
      requireOpen(state, decision);
      return [{ type: 'ContactMergedIntoCase', data: { contactId, ...decision.data } }];
    case 'Answer':
      requireOpen(state, decision);
      return [{ type: 'ContactAnswered', data: { contactId, ...decision.data } }];
    case 'Refer':
      requireOpen(state, decision);
      return [{ type: 'ContactReferred', data: { contactId, ...decision.data } }];
    case 'Decline':
      requireOpen(state, decision);
      if (decision.data.reason.startsWith('emergency-')) {
        fail(ContactError.UseReferral, 'an emergency is referred (ReferContact), not declined', {
          reason: decision.data.reason,
        });
      }
      return [{ type: 'ContactNotAccepted', data: { contactId, ...decision.data } }];
    case 'Abandon':
      requireOpen(state, decision);
      return [{ type: 'ContactAbandoned', data: { contactId, ...decision.data } }];
    case 'MarkAsHarassment':
      requireOpen(state, decision);
      return [{ type: 'ContactMarkedAsHarassment', data: { contactId, ...decision.data } }];
    case 'Reply':
      if (state.status === 'none') fail(ContactError.NotRecorded, 'the contact has not been recorded');
      if (state.channel === 'phone')
        fail(ContactError.NoReplyChannel, 'a phone contact has no written reply channel');
      return [{ type: 'ContactReplied', data: { contactId, ...decision.data } }];
    case 'PostChatMessage':
      // A chat goes on after the contact is concluded (the agent tells the citizen the case number).
      if (state.status === 'none') fail(ContactError.NotRecorded, 'no chat with this id');
      if (state.channel !== 'chat')
        fail(ContactError.NotAChat, `the contact is a ${state.channel} contact, not a chat`, {
          channel: state.channel,
        });
      if ((decision.data.from === 'citizen') !== (context.actor.role === 'system'))
        fail(
          ContactError.RoleNotAllowed,
          'the portal writes as the citizen, and only people at the hotline write as the agent',
        );
      return [
        {
          type: 'ChatMessagePosted',
          data: { contactId, ...decision.data, at: context.now.toISOString() },
        },
      ];
    default: {
      const unknown: never = decision;
      throw new Error(`unknown contact decision ${JSON.stringify(unknown)}`);
    }
  }
}

/** The contact aggregate: stream `contact-<contactId>`; every contact, whether or not it becomes a case. */
export const contactDecider: Decider<ContactDecision, ContactEvent, ContactState> = {
  initialState: initialContactState,
  evolve: evolveContact,
  decide,
};

export const contactStreamId = (contactId: string): string => `contact-${contactId}`;
