import type { ListedRoute } from '../auth/list-routes';

export interface RouteAccess {
  public: boolean;
  /** The gateway roles allowed; empty when the route declares none (the guard refuses it). */
  roles?: readonly string[];
}

/** Who may call a route, from the auth metadata (`@Allow(...)`, `@Public()`) the guard enforces. */
export function accessOf(route: ListedRoute): RouteAccess {
  const { access } = route;
  if (access === undefined) return { public: false, roles: [] };
  return access.public ? { public: true } : { public: false, roles: access.roles };
}
