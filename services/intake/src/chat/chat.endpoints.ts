import { GetChatTranscript, PostChatMessage } from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import type { ContactStreams } from '../contact/contact-streams';
import { transcriptOf } from './chat-transcript';

/**
 * Web chats on the bus: a message is an event on the chat's contact stream (so the transcript is
 * the contact's), and the transcript is read from that stream, written or not a moment ago.
 */
export const chatEndpoints = (streams: ContactStreams): BusEndpoint[] => [
  commandEndpoint(PostChatMessage, async (command) => {
    const { contactId, ...message } = command.data;
    const result = await streams.decide(command, contactId, { type: 'PostChatMessage', data: message });
    return { ...result, contactId };
  }),
  queryEndpoint(GetChatTranscript, async (query) =>
    transcriptOf(query.contactId, await streams.load(query.contactId), query.viewer),
  ),
];
