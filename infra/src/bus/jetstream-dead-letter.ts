import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';
import { deadLetterSubjectOf, type JetStreamTopology } from './jetstream-topology';
import { toNatsHeaders } from './nats-headers';

/** Headers of a message on the dead-letter stream; its payload is the original message's, unchanged. */
export const DeadLetterHeader = {
  reason: 'hotline-dlq-reason',
  consumer: 'hotline-dlq-consumer',
  deliveryCount: 'hotline-dlq-delivery-count',
  sourceSubject: 'hotline-dlq-source-subject',
  sourceSequence: 'hotline-dlq-source-seq',
} as const;

/** Header values are one line; a reason is cut so a huge error message cannot bloat the stream. */
const headerValue = (text: string): string => text.replace(/[\r\n]+/g, ' ').slice(0, 1_000);

/**
 * Copies `msg` to `<dlq prefix>.<consumer>` with the reason. The id `<consumer>:<stream seq>` makes a
 * repeat after a crash (published, not yet acked) a duplicate the stream drops.
 */
export async function publishDeadLetter(
  js: JetStreamClient,
  topology: JetStreamTopology,
  consumer: string,
  msg: JsMsg,
  reason: string,
): Promise<void> {
  const headers = toNatsHeaders({
    [DeadLetterHeader.reason]: headerValue(reason),
    [DeadLetterHeader.consumer]: consumer,
    [DeadLetterHeader.deliveryCount]: String(msg.info.deliveryCount),
    [DeadLetterHeader.sourceSubject]: msg.subject,
    [DeadLetterHeader.sourceSequence]: String(msg.seq),
  });
  await js.publish(deadLetterSubjectOf(topology, consumer), msg.data, {
    msgID: `${consumer}:${msg.seq}`,
    headers,
    expect: { streamName: topology.dlqStream },
  });
}
