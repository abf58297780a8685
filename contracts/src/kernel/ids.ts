import { z } from 'zod';

/** District identifiers are short lowercase slugs; `city` is the city-wide tenant. */
export const DistrictId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lowercase slug of at most 40 characters');
export type DistrictId = z.infer<typeof DistrictId>;
export { CITY_DISTRICT } from './city-district';

/**
 * Client-supplied identifiers (command ids, event ids, aggregate ids): UUIDs or other opaque tokens
 * of safe characters, so they can travel in NATS headers and stream names unchanged.
 */
export const ClientId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/, 'must be 1-128 characters of A-Z a-z 0-9 _ . : -');
export type ClientId = z.infer<typeof ClientId>;

/** Injected so that domain logic never calls `new Date()` or a random generator itself. */
export interface Clock {
  now(): Date;
}
export interface IdGenerator {
  next(): string;
}
