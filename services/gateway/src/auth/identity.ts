import type { IncomingHttpHeaders } from 'node:http';
import {
  WorkflowRole,
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

/**
 * The workflow/intake actor role of each gateway role. Those services' deciders know agent,
 * center, unit, leader and system; the gateway's finer roles are enforced here (an auditor only
 * reaches read routes) and travel in `Actor.gatewayRole` for the audit log.
 */
export const ACTOR_ROLE: Readonly<Record<GatewayRole, string>> = {
  agent: WorkflowRole.Agent,
  supervisor: WorkflowRole.Agent,
  center: WorkflowRole.Center,
  'unit-handler': WorkflowRole.Unit,
  'unit-leader': WorkflowRole.Unit,
  'district-admin': WorkflowRole.Center,
  'city-admin': WorkflowRole.Center,
  auditor: WorkflowRole.Center,
  // 领导: reads every case and writes instructions (批示) on them; no other case action.
  leader: WorkflowRole.Leader,
};

export function actorOf(identity: Identity): Actor {
  return {
    id: identity.actorId,
    role: ACTOR_ROLE[identity.role],
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
