import { InProcessBroker } from './in-process-broker';
import { InProcessClientProxy } from './in-process-client-proxy';
import { InProcessTransport } from './in-process-transport';
import { describeRequestReplyContract } from './testing/request-reply.contract';

describeRequestReplyContract('in-process', () => {
  const broker = new InProcessBroker();
  return Promise.resolve({
    createServer: (service: string) => new InProcessTransport({ broker, queue: service }),
    createClient: ({ timeoutMs }: { timeoutMs: number }) => new InProcessClientProxy({ broker, timeoutMs }),
    close: () => Promise.resolve(),
  });
});
