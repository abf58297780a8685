import { firstValueFrom } from 'rxjs';
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

describe('in-process transport with a command admission', () => {
  it('refuses a command beyond its admission at once, while queries still pass', async () => {
    const broker = new InProcessBroker();
    const transport = new InProcessTransport({
      broker,
      queue: 'svc',
      admission: { concurrent: 1, queued: 0 },
    });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let ran = 0;
    transport.addHandler('hotline.cmd.svc.Slow', async () => {
      ran++;
      await gate;
      return 'done';
    });
    transport.addHandler('hotline.qry.svc.Look', () => Promise.resolve('seen'));
    transport.listen(() => undefined);
    const client = new InProcessClientProxy({ broker, timeoutMs: 5_000 });
    const first = firstValueFrom(client.send('hotline.cmd.svc.Slow', {}));
    await new Promise((resolve) => setImmediate(resolve));
    await expect(firstValueFrom(client.send('hotline.cmd.svc.Slow', {}))).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'OVERLOADED',
      details: { retryAfterSeconds: 1 },
    });
    await expect(firstValueFrom(client.send('hotline.qry.svc.Look', {}))).resolves.toBe('seen');
    open();
    await expect(first).resolves.toBe('done');
    expect(ran).toBe(1);
    await transport.close();
  });
});
