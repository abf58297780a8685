import type { JetStreamManager } from '@nats-io/jetstream';

/**
 * The position of the newest event in a JetStream stream, read from the stored message itself. The
 * relay publishes in position order over one connection, so the stream always holds a prefix of the
 * store and its last message is where to resume.
 */
export async function lastPublishedPosition(
  jsm: JetStreamManager,
  stream: string,
): Promise<number | undefined> {
  const info = await jsm.streams.info(stream);
  if (info.state.messages === 0) return undefined;
  const message = await jsm.streams.getMessage(stream, { seq: info.state.last_seq });
  if (!message) return undefined;
  const { position } = message.json<{ position?: unknown }>();
  if (typeof position !== 'number') {
    throw new Error(`stream ${stream}: last message (seq ${info.state.last_seq}) carries no event position`);
  }
  return position;
}
