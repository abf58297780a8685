import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@hotline/infra/telemetry';

export interface WebhookRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type WebhookRoute = (request: WebhookRequest) => Promise<WebhookResponse>;

/**
 * The small HTTP listener of the channel webhooks (SMS push, WeChat push), apart from the API so
 * that it can face the providers on its own port. A body over the limit is refused with 413, an
 * unexpected failure answered 500 and logged; the listener itself never stops on a bad request.
 */
export class ChannelHttpServer {
  private readonly server: Server;

  constructor(
    private readonly routes: ReadonlyMap<string, WebhookRoute>,
    private readonly maxBodyBytes: number,
    private readonly logger: Logger,
  ) {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://channels');
      const route = this.routes.get(url.pathname);
      const reply = (response: WebhookResponse) => {
        if (res.headersSent) return;
        res.writeHead(response.status, response.headers).end(response.body);
      };
      if (!route) return reply({ status: 404, headers: {}, body: 'no such channel' });
      const chunks: Buffer[] = [];
      let size = 0;
      let tooLarge = false;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.maxBodyBytes) {
          tooLarge = true;
          reply({ status: 413, headers: {}, body: `body over ${this.maxBodyBytes} bytes` });
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on('error', () => undefined);
      req.on('end', () => {
        if (tooLarge) return;
        route({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks),
        }).then(reply, (error: unknown) => {
          this.logger.error({ err: error, path: url.pathname }, 'channel webhook failed');
          reply({ status: 500, headers: {}, body: 'internal error' });
        });
      });
    });
  }

  async start(port: number, host: string): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
