import type { IncomingMessage } from 'node:http';

const normalise = (address: string): string => address.trim().replace(/^::ffff:/, '');

/**
 * The client's address: the socket's peer, or, when that peer is a trusted reverse proxy, the last
 * address in X-Forwarded-For that is not itself a trusted proxy (earlier entries are the client's
 * word and could be forged).
 */
export function clientAddress(request: IncomingMessage, trustedProxies: readonly string[]): string {
  const peer = normalise(request.socket.remoteAddress ?? 'unknown');
  if (!trustedProxies.includes(peer)) return peer;
  const header = request.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map(normalise)
    .filter((a) => a !== '');
  for (let i = chain.length - 1; i >= 0; i--) {
    const hop = chain[i] ?? '';
    if (!trustedProxies.includes(hop)) return hop;
  }
  return peer;
}

/** Whether the client reached us over HTTPS (directly, or as a trusted proxy says). */
export function isHttps(request: IncomingMessage, trustedProxies: readonly string[]): boolean {
  if ((request.socket as { encrypted?: boolean }).encrypted === true) return true;
  const peer = normalise(request.socket.remoteAddress ?? '');
  return trustedProxies.includes(peer) && request.headers['x-forwarded-proto'] === 'https';
}
