import {
  AbandonContact,
  AnswerContact,
  DeclineContact,
  GetCallerHistory,
  GetCaseRepeatCount,
  GetContact,
  ListOpenContacts,
  MarkContactAsHarassment,
  MergeContactIntoCase,
  RecordContact,
  RecordContactReply,
  ReferContact,
  RegisterCaseFromContact,
  ReleaseContact,
  SubmitContact,
} from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { ContactActionsService } from './contact-actions.service';
import type { ContactIntakeService } from './contact-intake.service';
import type { ContactQueriesService } from './contact-queries.service';

/** Contacts on the bus: recording and submitting them, the agent's decisions on them, the contact log. */
export const contactEndpoints = (deps: {
  intake: ContactIntakeService;
  actions: ContactActionsService;
  queries: ContactQueriesService;
}): BusEndpoint[] => {
  const { intake, actions, queries } = deps;
  return [
    commandEndpoint(RecordContact, (c) => intake.take(c, c.data, { mode: 'record' })),
    commandEndpoint(SubmitContact, (c) => intake.take(c, c.data, { mode: 'submit' })),
    commandEndpoint(RegisterCaseFromContact, (c) => actions.registerCase(c, c.data)),
    commandEndpoint(MergeContactIntoCase, (c) => actions.merge(c, c.data)),
    commandEndpoint(AnswerContact, (c) => actions.answer(c, c.data)),
    commandEndpoint(ReferContact, (c) => actions.refer(c, c.data)),
    commandEndpoint(DeclineContact, (c) => actions.decline(c, c.data)),
    commandEndpoint(AbandonContact, (c) => actions.abandon(c, c.data)),
    commandEndpoint(MarkContactAsHarassment, (c) => actions.markAsHarassment(c, c.data)),
    commandEndpoint(ReleaseContact, (c) => actions.release(c, c.data)),
    commandEndpoint(RecordContactReply, (c) => actions.reply(c, c.data)),
    queryEndpoint(GetCallerHistory, (query) => queries.callerHistory(query)),
    queryEndpoint(GetContact, (query) => queries.contact(query)),
    queryEndpoint(ListOpenContacts, (query) => queries.openContacts(query)),
    queryEndpoint(GetCaseRepeatCount, (query) => queries.caseRepeatCount(query)),
  ];
};
