import type { GatewayRole } from '@hotline/contracts';
import { documentedControllers } from '../gateway.module';
import { listRoutes } from './list-routes';

export interface RouteRow {
  method: string;
  path: string;
  /** `public`, or the roles allowed. */
  access: 'public' | readonly GatewayRole[];
}

/** Every route of the gateway with who may call it (docs/api-routes.md and the e2e walk read this). */
export function gatewayRouteTable(): RouteRow[] {
  return listRoutes(documentedControllers).map((route) => ({
    method: route.method,
    path: route.path,
    access: route.access === undefined ? [] : route.access.public ? 'public' : route.access.roles,
  }));
}
