/**
 * The NATS subject scheme (documented in docs/events.md and the AsyncAPI file):
 *
 *   hotline.cmd.<service>.<CommandType>              request/reply, queue group = service
 *   hotline.qry.<service>.<QueryType>                request/reply, queue group = service
 *   hotline.evt.<districtId>.<category>.<EventType>  JetStream stream HOTLINE_EVENTS
 *   hotline.dlq.<consumer>                           JetStream stream HOTLINE_DLQ: messages a consumer
 *                                                    could not process, with the reason in headers
 *
 * The district token comes first after `evt` so that a district platform or a district-scoped
 * consumer filters with one wildcard: `hotline.evt.<district>.>`.
 */
export const SUBJECT_ROOT = 'hotline';
export const EVENTS_STREAM = 'HOTLINE_EVENTS';
export const DLQ_STREAM = 'HOTLINE_DLQ';

const token = (value: string, what: string): string => {
  if (!/^[A-Za-z0-9_-]+$/.test(value)) throw new Error(`${what} "${value}" is not a valid subject token`);
  return value;
};

export const commandSubject = (service: string, type: string): string =>
  `${SUBJECT_ROOT}.cmd.${token(service, 'service')}.${token(type, 'command type')}`;

export const querySubject = (service: string, type: string): string =>
  `${SUBJECT_ROOT}.qry.${token(service, 'service')}.${token(type, 'query type')}`;

export const eventSubject = (districtId: string, category: string, type: string): string =>
  `${SUBJECT_ROOT}.evt.${token(districtId, 'district')}.${token(category, 'category')}.${token(type, 'event type')}`;

export const allEventsSubject = `${SUBJECT_ROOT}.evt.>`;
export const districtEventsSubject = (districtId: string): string =>
  `${SUBJECT_ROOT}.evt.${token(districtId, 'district')}.>`;

export const deadLetterSubject = (consumer: string): string =>
  `${SUBJECT_ROOT}.dlq.${token(consumer, 'consumer')}`;

/** Streams are named `<category>-<id>`; the category is the part before the first dash. */
export const streamCategoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
};
