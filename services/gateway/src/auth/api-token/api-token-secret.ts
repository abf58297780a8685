import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'hlt_';
const FORMAT = /^hlt_([a-z0-9]{16,32})\.([A-Za-z0-9_-]{43})$/;

export const hashTokenSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * The id of the token an admin's request issues: derived from who asks and the request's `commandId`,
 * so a retried request lands on the same token stream and issues nothing new.
 */
export const apiTokenIdFor = (issuerId: string, commandId: string): string =>
  createHash('sha256').update(`api-token\n${issuerId}\n${commandId}`).digest('hex').slice(0, 20);

/** A new token: `hlt_<id>.<secret>` (shown once) and what is kept of it (the id and the secret's hash). */
export function newApiToken(tokenId: string = randomBytes(10).toString('hex')): {
  token: string;
  tokenId: string;
  tokenHash: string;
} {
  const secret = randomBytes(32).toString('base64url');
  return { token: `${PREFIX}${tokenId}.${secret}`, tokenId, tokenHash: hashTokenSecret(secret) };
}

export const isApiToken = (bearer: string): boolean => bearer.startsWith(PREFIX);

/** The id and secret of a well-formed token; undefined otherwise. */
export function parseApiToken(bearer: string): { tokenId: string; secret: string } | undefined {
  const match = FORMAT.exec(bearer);
  return match ? { tokenId: match[1] ?? '', secret: match[2] ?? '' } : undefined;
}

export function secretMatches(secret: string, tokenHash: string): boolean {
  const given = Buffer.from(hashTokenSecret(secret), 'hex');
  const kept = Buffer.from(tokenHash, 'hex');
  return given.length === kept.length && timingSafeEqual(given, kept);
}
