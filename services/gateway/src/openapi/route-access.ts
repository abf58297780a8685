import type { GatewayRoute } from './gateway-routes';

export interface RouteAccess {
  public: boolean;
  /** The gateway roles allowed (undefined while the route declares none). */
  roles?: string[];
}

/** Routes anyone may call without an account (the auth contract's list). */
const PUBLIC_PATHS = [
  /^\/api\/portal\//,
  /^\/api\/public\//,
  /^\/api\/auth\//,
  /^\/api\/docs/,
  /^\/api\/openapi\.json$/,
];

/** Who may call a route, as the OpenAPI document states it. */
export function accessOf(route: GatewayRoute): RouteAccess {
  const isPublic =
    PUBLIC_PATHS.some((pattern) => pattern.test(route.path)) ||
    (route.method === 'POST' && route.path === '/api/attachments');
  return { public: isPublic };
}
