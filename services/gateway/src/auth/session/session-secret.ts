import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@hotline/infra/config';

/**
 * The key that signs session cookies: the configured one; in embedded mode, when unset, one
 * generated at the first start and kept under the data directory so sessions survive restarts.
 * Distributed mode requires it (every gateway replica must share it).
 */
export function sessionSecret(options: {
  configured: string | undefined;
  mode: 'embedded' | 'distributed';
  dataDir: string;
}): Uint8Array {
  if (options.configured !== undefined) return new TextEncoder().encode(options.configured);
  if (options.mode === 'distributed') {
    throw new ConfigError('gateway', [
      {
        variable: 'HOTLINE_SESSION_SECRET',
        reason: 'is required in distributed mode (shared by every gateway)',
      },
    ]);
  }
  const path = join(options.dataDir, 'session-secret');
  try {
    return new Uint8Array(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url'));
  } catch {
    mkdirSync(options.dataDir, { recursive: true });
    const secret = randomBytes(32);
    writeFileSync(path, secret.toString('base64url'), { mode: 0o600, flag: 'wx' });
    return new Uint8Array(secret);
  }
}
