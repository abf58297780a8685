import type { IncomingHttpHeaders } from 'node:http';
import {
  ACTOR_ROLE_OF,
  type Actor,
  type DistrictId,
  type GatewayRole,
  type QueryViewer,
} from '@hotline/contracts';

/** Who made a request, verified: a session, an OIDC token or an API token. */
export interface Identity {
  kind: 'session' | 'oidc' | 'api-token';
  /** `user:<username>`, `oidc:<subject>` or `token:<tokenId>`: the actor id in events. */
  actorId: string;
  username: string;
  displayName: string;
  role: GatewayRole;
  districtId: DistrictId;
  unitId?: string;
  mustChangePassword: boolean;
}

export function actorOf(identity: Identity): Actor {
  return {
    id: identity.actorId,
    // The workflow/intake role: the table the deciders' role tables are written in (contracts).
    role: ACTOR_ROLE_OF[identity.role],
    ...(identity.unitId !== undefined ? { unitId: identity.unitId } : {}),
    gatewayRole: identity.role,
    ...(identity.displayName !== '' ? { name: identity.displayName.slice(0, 128) } : {}),
  };
}

export const viewerOf = (identity: Identity): QueryViewer => ({
  actor: actorOf(identity),
  districtId: identity.districtId,
});

/**
 * The verified identity of each request in flight, keyed by its headers object (which Express
 * keeps for the request's life), so route code that sees only `request.headers` reads it too.
 */
const identities = new WeakMap<IncomingHttpHeaders, Identity>();

export const bindIdentity = (headers: IncomingHttpHeaders, identity: Identity): void => {
  identities.set(headers, identity);
};

export const identityOf = (headers: IncomingHttpHeaders): Identity | undefined => identities.get(headers);
