import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HotlineError } from '@hotline/contracts';
import type { NatsConnection } from '@nats-io/nats-core';
import { firstValueFrom } from 'rxjs';
import { connectNats } from './connect-nats';
import { NatsClientProxy } from './nats-client-proxy';
import { NatsLink } from './nats-link';
import { encodeSuccess } from './rpc-reply';
import { privateNats, type PrivateNats } from './testing/private-nats';

const within = async (what: string, ms: number, condition: () => boolean): Promise<number> => {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`not ${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
};

describe('NatsLink: a NATS server SIGKILLed and started again [nats-server of its own]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-nats-link-'));
  let nats: PrivateNats;
  let connection: NatsConnection;
  let link: NatsLink;
  let client: NatsClientProxy;
  const reconnects: number[] = [];

  const answer = (): void => {
    connection.subscribe('link.echo', {
      callback: (_error, msg) => void msg.respond(encodeSuccess(msg.json())),
    });
  };

  beforeAll(async () => {
    nats = await privateNats(dir);
    connection = await connectNats({ servers: nats.url, name: 'nats-link-test' });
    link = NatsLink.watch(connection);
    link.onReconnect(() => reconnects.push(Date.now()));
    client = new NatsClientProxy({ connection, link, timeoutMs: 5_000 });
    answer();
  });
  afterAll(async () => {
    await connection.close();
    await nats.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is down within 2 s of the kill, fails requests at once meanwhile, and is up within 2 s of the restart', async () => {
    expect(await firstValueFrom(client.send('link.echo', { n: 1 }))).toEqual({ n: 1 });
    expect(() => link.check()).not.toThrow();

    await nats.kill();
    expect(await within('down', 2_000, () => !link.up)).toBeLessThan(2_000);
    expect(() => link.check()).toThrow(/not connected/);
    const asked = Date.now();
    const failure = await firstValueFrom(client.send('link.echo', { n: 2 })).catch((e: unknown) => e);
    expect(Date.now() - asked).toBeLessThan(200);
    expect(failure).toBeInstanceOf(HotlineError);
    expect(failure).toMatchObject({ kind: 'unavailable', code: 'BUS_DOWN' });

    const restarted = Date.now();
    await nats.restart();
    await within('up again', 2_000, () => link.up);
    expect(reconnects.at(-1)).toBeGreaterThanOrEqual(restarted);
    expect(Date.now() - restarted).toBeLessThan(2_000 + 500);
    expect(await firstValueFrom(client.send('link.echo', { n: 3 }))).toEqual({ n: 3 });
  });
});
