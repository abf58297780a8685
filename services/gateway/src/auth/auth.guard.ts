import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CanActivate, type ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { HotlineError, isCityWideRole, isUnitRole } from '@hotline/contracts';
import { HealthController } from '@hotline/infra/health';
import { routeAccessOf } from './allow.decorator';
import type { Authenticator } from './authenticator';
import { clientAddress } from './http/client-address';
import type { RateLimiter } from './http/rate-limiter';
import { bindIdentity, type Identity } from './identity';
import { CSRF_HEADER } from './session/cookies';
import type { UnitScope } from './unit-scope';
import { AuthError } from './auth.errors';

type Request = IncomingMessage & { params?: Record<string, unknown>; query?: Record<string, unknown> };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Platform endpoints every service serves (probes, metrics): public by design, not by omission. */
const PLATFORM_CONTROLLERS: readonly object[] = [HealthController];

export const unauthenticated = (): HotlineError =>
  new HotlineError('unauthenticated', AuthError.Unauthenticated, 'sign in, or send a valid bearer token');
const forbidden = (code: string, message: string): HotlineError =>
  new HotlineError('forbidden', code, message);

export interface AuthGuardDeps {
  authenticator: Authenticator;
  units: UnitScope;
  limiter: RateLimiter;
  trustedProxies: readonly string[];
}

/**
 * The gateway's one door, applied to every route: a route declares `@Allow(...roles)` or
 * `@Public()`, or nobody gets in (fail closed). Public routes are rate limited per client address.
 * Others need a verified identity (401), CSRF proof for cookie sessions on state changes, a changed
 * password when one is due, an allowed role, and units/districts named in the path or query within
 * the user's scope (403, without saying whether the thing exists).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly deps: AuthGuardDeps) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const controller = context.getClass();
    if (PLATFORM_CONTROLLERS.includes(controller)) return true;
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<ServerResponse>();
    const access = routeAccessOf(controller, context.getHandler());
    if (!access) throw forbidden(AuthError.RouteUndeclared, 'this route declares no access');
    if (access.public) {
      this.limit(request, response);
      return true;
    }
    const authenticated = await this.deps.authenticator.authenticate(request, response);
    if (!authenticated) throw unauthenticated();
    const { identity, session } = authenticated;
    if (session && !SAFE_METHODS.has(request.method ?? 'GET')) {
      const header = request.headers[CSRF_HEADER];
      if (!this.deps.authenticator.csrfMatches(session, typeof header === 'string' ? header : undefined)) {
        throw forbidden(AuthError.Csrf, `send the session's CSRF token in ${CSRF_HEADER}`);
      }
    }
    if (identity.mustChangePassword && access.duringPasswordChange !== true) {
      throw forbidden(AuthError.PasswordChangeRequired, 'change your password first');
    }
    if (!access.roles.includes(identity.role)) {
      throw forbidden(AuthError.Forbidden, `role ${identity.role} may not do this`);
    }
    if (!(await this.inScope(identity, request))) {
      throw forbidden(AuthError.OutOfScope, 'outside your unit or district');
    }
    bindIdentity(request.headers, identity);
    return true;
  }

  private limit(request: Request, response: ServerResponse): void {
    const wait = this.deps.limiter.take(clientAddress(request, this.deps.trustedProxies));
    if (wait === 0) return;
    response.setHeader('retry-after', String(wait));
    throw new HttpException(`too many requests from this address; retry in ${wait} s`, 429);
  }

  /** Units and districts named by the request must lie within the user's unit or district. */
  private async inScope(identity: Identity, request: Request): Promise<boolean> {
    if (isCityWideRole(identity.role)) return true;
    const named = (name: string): string[] =>
      [request.params?.[name], request.query?.[name]].filter((v): v is string => typeof v === 'string');
    if (named('districtId').some((d) => d !== identity.districtId)) return false;
    // A district's own unit has the district's id (the city's unit tree: city → district → street).
    const root = isUnitRole(identity.role) ? identity.unitId : identity.districtId;
    if (root === undefined) return false;
    for (const unitId of named('unitId')) {
      if (!(await this.deps.units.within(unitId, root))) return false;
    }
    return true;
  }
}
