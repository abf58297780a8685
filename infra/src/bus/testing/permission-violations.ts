import type { NatsConnection } from '@nats-io/nats-core';

/**
 * The server's permission errors on `nc` while `action` runs, and until a flush has gone round and
 * 300 ms more (the server reports a refused publish asynchronously, on the connection's status).
 */
export async function permissionViolations(
  nc: NatsConnection,
  action: () => Promise<unknown> | void,
): Promise<string[]> {
  const seen: string[] = [];
  const status = nc.status();
  void (async () => {
    for await (const s of status) if (s.type === 'error') seen.push(String(s.error));
  })();
  try {
    await action();
  } catch (error) {
    seen.push(String(error));
  }
  await nc.flush();
  await new Promise((r) => setTimeout(r, 300));
  (status as unknown as { stop(): void }).stop();
  return seen;
}
