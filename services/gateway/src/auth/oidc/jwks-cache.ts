import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

const TTL_MS = 10 * 60_000;
/** A token naming an unknown key refetches the set at most this often (key rotation, not a flood). */
const REFETCH_COOLDOWN_MS = 30_000;

interface Jwk extends JsonWebKey {
  kid?: string;
  use?: string;
  alg?: string;
}

/** The provider's signing keys from its JWKS URL, cached, refetched when a new key id appears. */
export class JwksCache {
  private keys = new Map<string, { key: KeyObject; alg: string | undefined }>();
  private fetchedAt = -Infinity;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly url: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key for `kid` (or the only key when the token names none) usable with `alg`. */
  async key(kid: string | undefined, alg: string): Promise<KeyObject | undefined> {
    const age = this.now() - this.fetchedAt;
    if (age > TTL_MS || (this.find(kid, alg) === undefined && age > REFETCH_COOLDOWN_MS)) {
      await this.refresh();
    }
    return this.find(kid, alg);
  }

  private find(kid: string | undefined, alg: string): KeyObject | undefined {
    const entries =
      kid === undefined ? [...this.keys.values()] : [this.keys.get(kid)].filter((e) => e !== undefined);
    const usable = entries.filter((e) => e.alg === undefined || e.alg === alg);
    return kid === undefined && usable.length !== 1 ? undefined : usable[0]?.key;
  }

  private refresh(): Promise<void> {
    this.pending ??= (async () => {
      try {
        const response = await fetch(this.url, { signal: AbortSignal.timeout(5_000) });
        if (!response.ok) return;
        const body = (await response.json()) as { keys?: Jwk[] };
        const keys = new Map<string, { key: KeyObject; alg: string | undefined }>();
        (body.keys ?? []).forEach((jwk, index) => {
          if (jwk.use !== undefined && jwk.use !== 'sig') return;
          try {
            keys.set(jwk.kid ?? `#${index}`, {
              key: createPublicKey({ key: jwk, format: 'jwk' }),
              alg: jwk.alg,
            });
          } catch {
            // a key this runtime cannot use is skipped
          }
        });
        this.keys = keys;
      } catch {
        // unreachable provider: keep the keys we had
      } finally {
        this.fetchedAt = this.now();
        this.pending = undefined;
      }
    })();
    return this.pending;
  }
}
