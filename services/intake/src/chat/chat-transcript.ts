import { CITY_DISTRICT, NotFoundError, type ChatTranscript, type QueryViewer } from '@hotline/contracts';
import type { LoadedContact } from '../contact/contact-streams';

/**
 * A web chat's transcript from its contact stream: the contact's content is the citizen's first
 * message, then every `ChatMessagePosted`. A contact that is no chat, or outside the viewer's
 * district, answers exactly as one that does not exist.
 */
export function transcriptOf(contactId: string, loaded: LoadedContact, viewer: QueryViewer): ChatTranscript {
  const { recorded, state, events } = loaded;
  const districtId = events[0]?.metadata.districtId;
  const inScope = viewer.districtId === CITY_DISTRICT || viewer.districtId === districtId;
  if (recorded?.channel !== 'chat' || !inScope) throw new NotFoundError('chat', contactId);
  const messages: ChatTranscript['messages'] = [
    { from: 'citizen', text: recorded.content, at: recorded.receivedAt },
  ];
  let caseNumber: string | undefined;
  for (const event of events) {
    const data = event.data as {
      from?: 'citizen' | 'agent';
      text?: string;
      at?: string;
      caseNumber?: string;
    };
    if (event.type === 'ChatMessagePosted' && data.from && data.text && data.at)
      messages.push({ from: data.from, text: data.text, at: data.at });
    if (event.type === 'ContactCaseRegistered' || event.type === 'ContactMergedIntoCase')
      caseNumber = data.caseNumber;
  }
  return {
    contactId,
    messages,
    ...(state.outcome ? { outcome: state.outcome } : {}),
    ...(caseNumber ? { caseNumber } : {}),
  };
}
