import type { IncomingHttpHeaders } from 'node:http';
import { Actor, ClientId, DistrictId, ValidationError, type QueryViewer } from '@hotline/contracts';

/**
 * PRE-AUTHENTICATION STAND-IN, the one place that knows it (authentication is issue 5): until the
 * gateway verifies tokens, the caller declares who they are in request headers, and every route
 * takes its actor from here. Replace this function's body, not its callers.
 *
 *   x-actor-id     the user's id                         required
 *   x-actor-role   agent · center · unit · leader · …    required
 *   x-actor-unit   the handling unit of a unit user      optional
 *   x-district     the district the caller works in      required (`city`: city-wide)
 *
 * A missing or malformed header is a 400 naming the header.
 */
export function actorFromRequest(headers: IncomingHttpHeaders): QueryViewer {
  const actor = {
    id: required(headers, 'x-actor-id'),
    role: required(headers, 'x-actor-role'),
    ...optional(headers, 'x-actor-unit', (unitId) => ({ unitId })),
  };
  const checked = Actor.safeParse(actor);
  if (!checked.success) {
    const field = String(checked.error.issues[0]?.path[0] ?? 'id');
    const header = field === 'unitId' ? 'x-actor-unit' : `x-actor-${field}`;
    throw new ValidationError(header, checked.error.issues[0]?.message ?? 'is invalid');
  }
  const districtId = required(headers, 'x-district');
  if (!DistrictId.safeParse(districtId).success) {
    throw new ValidationError('x-district', 'must be a lowercase district slug such as gulou, or city');
  }
  return { actor: checked.data, districtId };
}

/** The correlation id of a request: `x-correlation-id` when the caller continues a conversation, else `fallback`. */
export function correlationIdFromRequest(headers: IncomingHttpHeaders, fallback: string): string {
  const value = single(headers, 'x-correlation-id');
  if (value === undefined) return fallback;
  if (!ClientId.safeParse(value).success) {
    throw new ValidationError('x-correlation-id', 'must be 1-128 characters of A-Z a-z 0-9 _ . : -');
  }
  return value;
}

function single(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

function required(headers: IncomingHttpHeaders, name: string): string {
  const value = single(headers, name);
  if (value === undefined)
    throw new ValidationError(name, 'is required (the actor headers stand in for authentication)');
  return value;
}

function optional<T>(
  headers: IncomingHttpHeaders,
  name: string,
  wrap: (value: string) => T,
): T | Record<string, never> {
  const value = single(headers, name);
  return value === undefined ? {} : wrap(value);
}
