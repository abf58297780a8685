import type { GatewayRole } from '@hotline/contracts';
import { documentedControllers } from '../gateway.module';
import { documentedAccess, operationsOf } from '../openapi/build-openapi';
import { accessOf } from '../openapi/route-access';
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

/** One action of a generic `…/:action` route: the command it sends and who may send it there. */
export interface ActionRow {
  method: string;
  path: string;
  command: string;
  /** The route's roles that the command's decider accepts (the domain's role vocabulary, contracts). */
  roles: readonly string[];
}

/** Every action of the generic action routes (cases, contacts, knowledge), as the OpenAPI document states them. */
export function gatewayActionTable(): ActionRow[] {
  return listRoutes(documentedControllers).flatMap((route) => {
    const operations = operationsOf(route);
    if (operations.length === 1 && operations[0]?.path === route.path) return [];
    return operations.flatMap(({ path, spec }) => {
      const body = spec?.body;
      if (typeof body !== 'object' || !('command' in body)) return [];
      const { roles = [] } = documentedAccess(accessOf(route), spec);
      return [{ method: route.method, path, command: body.command.type, roles }];
    });
  });
}
