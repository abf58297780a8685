import type { NatsConnection } from '@nats-io/nats-core';
import { connectNats } from './connect-nats';
import { NatsClientProxy } from './nats-client-proxy';
import { NatsTransport } from './nats-transport';
import { describeRequestReplyContract } from './testing/request-reply.contract';

const servers = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';

describeRequestReplyContract('NATS', async () => {
  // Clients share one connection the harness owns; each server opens (and closes) its own, as a
  // separate service process would.
  const shared: NatsConnection = await connectNats({ servers, name: 'request-reply-contract' });
  return {
    createServer: (service) => new NatsTransport({ queue: service, connect: { servers, name: service } }),
    createClient: ({ timeoutMs }) => new NatsClientProxy({ connection: shared, timeoutMs }),
    close: () => shared.drain(),
  };
});
