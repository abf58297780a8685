import type { IncomingHttpHeaders } from 'node:http';
import {
  ClientId,
  DistrictId,
  HotlineError,
  ValidationError,
  isCityWideRole,
  type QueryViewer,
} from '@hotline/contracts';
import { unauthenticated } from './auth/auth.guard';
import { identityOf, viewerOf } from './auth/identity';
import { AuthError } from './auth/auth.errors';

/**
 * Who sends a request's commands and queries: the identity the auth guard verified (session,
 * OIDC token or API token), mapped to the services' actor roles. Nothing the caller declares counts.
 */
export function actorFromRequest(headers: IncomingHttpHeaders): QueryViewer {
  const identity = identityOf(headers);
  if (!identity) throw unauthenticated();
  return viewerOf(identity);
}

/**
 * The actor registering something (a case) in `requested` district: city-wide roles (the city
 * center's agents) register for any district; anyone else only for their own. Unset: the user's.
 */
export function actorRegisteringIn(headers: IncomingHttpHeaders, requested: unknown): QueryViewer {
  const viewer = actorFromRequest(headers);
  if (requested === undefined) return viewer;
  const district = DistrictId.safeParse(requested);
  if (!district.success)
    throw new ValidationError('districtId', 'must be a lowercase district slug such as gulou');
  const identity = identityOf(headers);
  if (district.data !== viewer.districtId && !(identity && isCityWideRole(identity.role))) {
    throw new HotlineError('forbidden', AuthError.OutOfScope, 'outside your district');
  }
  return { ...viewer, districtId: district.data };
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
