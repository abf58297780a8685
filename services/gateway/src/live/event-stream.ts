import type { IncomingMessage, ServerResponse } from 'node:http';

export interface EventStream {
  /** One Server-Sent Event; `id` is what the browser sends back as `Last-Event-ID` on reconnect. */
  send(event: string, data: unknown, id?: number | string): void;
}

/**
 * Opens a Server-Sent Events response: the headers proxies need to pass it through unbuffered, a
 * reconnect delay for the browser, and a comment line every `heartbeatMs` so an idle stream is not
 * closed by a proxy. `onClose` runs once when the client goes.
 */
export function openEventStream(
  request: IncomingMessage,
  response: ServerResponse,
  heartbeatMs: number,
  onClose: () => void,
): EventStream {
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  response.write('retry: 3000\n\n');
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), heartbeatMs);
  request.once('close', () => {
    clearInterval(heartbeat);
    onClose();
  });
  return {
    send(event, data, id) {
      response.write(
        `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
      );
    },
  };
}
