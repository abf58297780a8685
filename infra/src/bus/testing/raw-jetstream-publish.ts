import { ValidationError } from '@hotline/contracts';
import { jetstream, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';

export interface RawJetStreamPublishOptions {
  /** Owned by the caller. */
  connection: NatsConnection;
  /** Messages to publish. */
  count: number;
  /** Payload bytes per message. */
  size: number;
  /** Publishes in flight before awaiting their acks. Default 1000. */
  window?: number;
  /** Give each message a unique `Nats-Msg-Id`, as the relay does (dedup work on the server). Default true. */
  withMsgId?: boolean;
}

/**
 * The raw baseline of the relay benchmark: a plain JetStream client publishing as fast as it can
 * (a window of publishes in flight, then their acks) to a throwaway file-backed stream configured
 * like HOTLINE_EVENTS. The stream is deleted afterwards.
 */
export async function rawJetStreamPublish(
  options: RawJetStreamPublishOptions,
): Promise<{ ops: number; seconds: number }> {
  const { connection, count, size, window = 1_000, withMsgId = true } = options;
  if (!Number.isSafeInteger(count) || count < 1)
    throw new ValidationError('count', 'must be a positive integer');
  if (!Number.isSafeInteger(size) || size < 0) throw new ValidationError('size', 'must be an integer >= 0');
  if (!Number.isSafeInteger(window) || window < 1)
    throw new ValidationError('window', 'must be a positive integer');
  const run = randomUUID().replaceAll('-', '').slice(0, 12);
  const stream = `RAW_BENCH_${run}`;
  const subject = `rawbench.${run}.evt`;
  const jsm = await jetstreamManager(connection);
  await jsm.streams.add({
    name: stream,
    subjects: [`rawbench.${run}.>`],
    storage: StorageType.File,
    duplicate_window: nanos(120_000),
  });
  try {
    const js = jetstream(connection);
    const payload = new Uint8Array(size).fill(0x61);
    const start = process.hrtime.bigint();
    for (let sent = 0; sent < count;) {
      const acks: Promise<unknown>[] = [];
      for (const end = Math.min(count, sent + window); sent < end; sent++) {
        acks.push(js.publish(subject, payload, withMsgId ? { msgID: `${run}-${sent}` } : undefined));
      }
      await Promise.all(acks);
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    return { ops: count, seconds };
  } finally {
    await jsm.streams.delete(stream);
  }
}
