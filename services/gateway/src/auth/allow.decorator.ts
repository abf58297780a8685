import { SetMetadata, type CustomDecorator } from '@nestjs/common';
import { GATEWAY_ROLES, type GatewayRole } from '@hotline/contracts';

/** Metadata key of a route's access declaration (read it with `routeAccessOf`). */
export const ROUTE_ACCESS = 'hotline:route-access';

export type RouteAccess =
  | { public: true }
  | {
      public: false;
      roles: readonly GatewayRole[];
      /** Reachable while the user must still change their password (only the password route). */
      duringPasswordChange?: boolean;
    };

/** Every signed-in role. */
export const ANY_ROLE: readonly GatewayRole[] = GATEWAY_ROLES;

/** The route is for these roles; everyone else gets 403, anyone not signed in 401. */
export const Allow = (...roles: GatewayRole[]): CustomDecorator<string> =>
  SetMetadata(ROUTE_ACCESS, { public: false, roles } satisfies RouteAccess);

/** The route needs no account (citizens); it is rate limited per client address. */
export const Public = (): CustomDecorator<string> =>
  SetMetadata(ROUTE_ACCESS, { public: true } satisfies RouteAccess);

/** Any signed-in user, even one who must change their password first. */
export const AllowDuringPasswordChange = (): CustomDecorator<string> =>
  SetMetadata(ROUTE_ACCESS, {
    public: false,
    roles: ANY_ROLE,
    duringPasswordChange: true,
  } satisfies RouteAccess);

/**
 * A route's declaration: the method's, else the controller's; undefined when neither declares one,
 * which the guard answers with 403 (fail closed).
 */
export function routeAccessOf(controller: object, handler: object): RouteAccess | undefined {
  return (
    (Reflect.getMetadata(ROUTE_ACCESS, handler) as RouteAccess | undefined) ??
    (Reflect.getMetadata(ROUTE_ACCESS, controller) as RouteAccess | undefined)
  );
}
