import net, { type AddressInfo, type Socket } from 'node:net';
import { parsePostgresUrl, type PostgresHost } from '../postgres-address';

export type Cut = 'before-commit' | 'after-commit';

/**
 * A test double of the network between a client and a real PostgreSQL: a TCP relay that, once
 * armed, cuts the next connection that sends the statement that commits (COMMIT, or a statement
 * in its own transaction, named by a piece of its text), either before the server sees it (the
 * transaction rolls back) or after the server answered (the transaction committed, the client
 * never hears so). Everything else passes through untouched.
 */
export class CuttingProxy {
  private armed: { cut: Cut; marker: string } | undefined;
  private readonly sockets = new Set<Socket>();

  private readonly server: net.Server;
  url = '';

  private constructor(target: PostgresHost) {
    this.server = net.createServer((client) => this.relay(client, target.host, target.port));
  }

  /** Listens on a free loopback port in front of the server of `targetUrl`. */
  static async start(targetUrl: string): Promise<CuttingProxy> {
    const proxy = new CuttingProxy(parsePostgresUrl(targetUrl).hosts[0]!);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    const { port } = proxy.server.address() as AddressInfo;
    proxy.url = targetUrl.replace(/@[^/]+\//, `@127.0.0.1:${port}/`);
    return proxy;
  }

  /** Cut the next connection that sends `marker` (COMMIT by default), in the given way; later ones pass. */
  arm(cut: Cut, marker = 'COMMIT'): void {
    this.armed = { cut, marker };
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: Socket, host: string, port: number): void {
    const upstream = net.connect(port, host);
    this.track(client);
    this.track(upstream);
    const cutBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    let swallowReplies = false;
    upstream.on('data', (chunk: Buffer) => {
      // After the forwarded commit: wait for the server's answer, then drop it and the connection.
      if (swallowReplies) cutBoth();
      else client.write(chunk);
    });
    client.on('data', (chunk: Buffer) => {
      const armed = this.armed;
      if (armed !== undefined && chunk.includes(armed.marker)) {
        this.armed = undefined;
        if (armed.cut === 'before-commit') return cutBoth();
        swallowReplies = true;
      }
      upstream.write(chunk);
    });
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
  }
}
