import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import type { DeadLetter } from './event-bus.port';
import { decodeRecordedEvent } from './event-bus.schemas';
import { DeadLetterHeader } from './jetstream-dead-letter';
import { deadLetterSubjectOf, resolveTopology, type JetStreamTopology } from './jetstream-topology';

/** The dead letters a consumer left on the dead-letter stream, oldest first (for operators and tests). */
export async function readJetStreamDeadLetters(
  connection: NatsConnection,
  consumer: string,
  topologyOptions?: Partial<JetStreamTopology>,
): Promise<DeadLetter[]> {
  const topology = resolveTopology(topologyOptions);
  const reader = await jetstream(connection).consumers.get(topology.dlqStream, {
    // A single subject as a string: a list needs server 2.10.
    filter_subjects: deadLetterSubjectOf(topology, consumer),
  });
  const letters: DeadLetter[] = [];
  let pending = (await reader.info()).num_pending;
  while (pending > 0) {
    const batch = await reader.fetch({ max_messages: Math.min(pending, 256), expires: 2_000 });
    const before = letters.length;
    for await (const msg of batch) {
      letters.push(
        toDeadLetter(
          msg.string(),
          msg.headers?.get(DeadLetterHeader.reason) ?? '',
          msg.headers?.get(DeadLetterHeader.deliveryCount),
          consumer,
        ),
      );
      pending = msg.info.pending;
    }
    if (letters.length === before) break;
  }
  await reader.delete();
  return letters;
}

const toDeadLetter = (
  raw: string,
  reason: string,
  deliveryCount: string | undefined,
  consumer: string,
): DeadLetter => {
  const base = { consumer, reason, deliveryCount: Number(deliveryCount ?? 0) };
  try {
    return { ...base, event: decodeRecordedEvent(raw) };
  } catch {
    return { ...base, event: null, raw };
  }
};
