import { createHash } from 'node:crypto';

/**
 * The id of the `index`-th event a command appends to a stream, as a name-based UUID (version 5
 * layout over SHA-1). The same command always yields the same ids, so two racing deliveries of one
 * command write the same ids and the store keeps only the first; the stream is part of the name
 * because event ids are unique across the whole store.
 */
export function deriveEventId(streamId: string, commandId: string, index: number): string {
  const hash = createHash('sha1').update(`hotline-event\n${streamId}\n${commandId}\n${index}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
