import { randomUUID } from 'node:crypto';
import { createSocket } from 'node:dgram';
import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats } from '@hotline/infra/bus';
import { DtmfListener } from './dtmf-listener';
import { natsDtmfRelay } from './dtmf-relay';

const servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

/** rtpengine's DTMF log datagram for one key (the shape `--dtmf-log-dest` sends). */
async function rtpengineSends(port: number, callId: string, event: number): Promise<void> {
  const socket = createSocket('udp4');
  const datagram = JSON.stringify({
    callid: callId,
    source_tag: 'caller',
    type: 'DTMF',
    event,
    duration: 200,
  });
  await new Promise<void>((resolve, reject) =>
    socket.send(datagram, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())),
  );
  socket.close();
}

const keysOf = (listener: DtmfListener, callId: string): string[] => {
  const keys: string[] = [];
  listener.on(callId, (digit: string) => keys.push(digit));
  return keys;
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('DTMF keys between sipapp replicas [real NATS; UDP as rtpengine sends]', () => {
  // A prefix of the test's own, as a deployment's HOTLINE_BUS_PREFIX: no other run hears these keys.
  const prefix = `dtmf${randomUUID().slice(0, 8)}`;
  let connections: NatsConnection[];
  let first: DtmfListener;
  let second: DtmfListener;

  beforeAll(async () => {
    connections = await Promise.all(
      ['sipapp-1', 'sipapp-2'].map((name) => connectNats({ servers, name, maxReconnectAttempts: 0 })),
    );
    const [one, two] = connections.map((connection) =>
      DtmfListener.listen(0, '127.0.0.1', natsDtmfRelay(connection, prefix)),
    );
    [first, second] = [await one!, await two!];
  });

  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    await Promise.all(connections.map((connection) => connection.close()));
  });

  it('passes a key that reached the other replica to the one whose call it is, and to no one else', async () => {
    const callId = randomUUID();
    const onSecond = keysOf(second, callId);
    const onFirst = keysOf(first, `${callId}-not-this`);
    // rtpengine's log reaches the first replica (a Service picks any); the call is the second's.
    await rtpengineSends(first.port, callId, 2);
    await rtpengineSends(first.port, callId, 11);
    await settle();
    expect(onSecond).toEqual(['2', '#']);
    expect(onFirst).toEqual([]);
  });

  it("takes its own call's key at once, without passing it on", async () => {
    const callId = randomUUID();
    const here = keysOf(first, callId);
    const passed: string[] = [];
    const stop = natsDtmfRelay(connections[1]!, prefix).take((id, digit) => {
      if (id === callId) passed.push(digit);
    });
    await connections[1]!.flush();
    await rtpengineSends(first.port, callId, 5);
    await settle();
    stop();
    expect(here).toEqual(['5']);
    expect(passed).toEqual([]);
  });

  it("drops a key for a call no replica holds, and ignores what is not rtpengine's JSON", async () => {
    const callId = randomUUID();
    const later = keysOf(second, `${callId}-other`);
    await rtpengineSends(first.port, callId, 7);
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.send('not json', first.port, '127.0.0.1', () => resolve()));
    socket.close();
    await settle();
    expect(later).toEqual([]);
    expect(first.listenerCount(callId) + second.listenerCount(callId)).toBe(0);
  });
});
