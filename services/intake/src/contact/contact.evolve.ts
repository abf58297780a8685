import type { ContactEvent } from '@hotline/contracts';
import type { ContactState } from './contact.state';

export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  switch (event.type) {
    case 'ContactRecorded':
      return { status: 'open', contactId: event.data.contactId, channel: event.data.channel };
    case 'ContactQuarantined':
      return { ...state, quarantine: event.data.reason };
    case 'ContactReleased': {
      const { quarantine: _released, ...rest } = state;
      return rest;
    }
    case 'ContactCaseRegistered':
      return { ...state, status: 'concluded', outcome: 'case-registered', caseId: event.data.caseId };
    case 'ContactMergedIntoCase':
      return { ...state, status: 'concluded', outcome: 'merged-into-case', caseId: event.data.caseId };
    case 'ContactAnswered':
      return {
        ...state,
        status: 'concluded',
        outcome: 'answered-directly',
        ...(event.data.caseId ? { caseId: event.data.caseId } : {}),
      };
    case 'ContactReferred':
      return { ...state, status: 'concluded', outcome: 'referred' };
    case 'ContactNotAccepted':
      return { ...state, status: 'concluded', outcome: 'not-accepted' };
    case 'ContactAbandoned':
      return { ...state, status: 'concluded', outcome: 'abandoned' };
    case 'ContactMarkedAsHarassment':
      return { ...state, status: 'concluded', outcome: 'harassment' };
    case 'ContactAssessed':
    case 'ContactReplied':
    case 'ChatMessagePosted':
      return state;
    default: {
      const unknown: never = event;
      throw new Error(`unknown contact event ${JSON.stringify(unknown)}`);
    }
  }
}
