import type { IncomingMessage } from 'node:http';
import { clientAddress, isHttps } from './client-address';
import { RateLimiter } from './rate-limiter';

const request = (remoteAddress: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe('clientAddress', () => {
  it('is the peer when the peer is not a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('203.0.113.7', { 'x-forwarded-for': '10.9.9.9' }), ['10.0.0.1'])).toBe(
      '203.0.113.7',
    );
  });

  it('is the last untrusted hop behind trusted proxies (earlier hops could be forged)', () => {
    const behind = request('::ffff:10.0.0.1', { 'x-forwarded-for': '1.1.1.1, 198.51.100.9, 10.0.0.2' });
    expect(clientAddress(behind, ['10.0.0.1', '10.0.0.2'])).toBe('198.51.100.9');
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    expect(isHttps(request('10.0.0.1', { 'x-forwarded-proto': 'https' }), ['10.0.0.1'])).toBe(true);
    expect(isHttps(request('203.0.113.7', { 'x-forwarded-proto': 'https' }), ['10.0.0.1'])).toBe(false);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then refuses with the wait, then refills at the rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    now += 1000;
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
  });

  it('stays bounded by forgetting full buckets', () => {
    let now = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 2, maxKeys: 10 }, () => now);
    for (let i = 0; i < 10; i++) limiter.take(`k${i}`);
    now += 60_000;
    expect(limiter.take('new')).toBe(0);
    expect((limiter as unknown as { buckets: Map<string, unknown> }).buckets.size).toBeLessThanOrEqual(10);
  });
});
