import type { IncomingMessage, ServerResponse } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { AllowDuringPasswordChange, Public } from './allow.decorator';
import type { AuthServices } from './auth-services';
import { AUTH_SERVICES } from './auth.tokens';
import { unauthenticated } from './auth.guard';
import { actorOf, identityOf } from './identity';
import { SESSION_COOKIE, clearSessionCookies, readCookies, setSessionCookies } from './session/cookies';
import { AccountLockedError, sessionUserOf, type NewSession } from './session/sign-in.service';

const field = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;

/** Sign-in, sign-out, the current user, the own password (the auth contract). */
@Controller('api/auth')
export class AuthController {
  constructor(@Inject(AUTH_SERVICES) private readonly auth: AuthServices) {}

  @Public()
  @Post('sign-in')
  @HttpCode(200)
  async signIn(
    @Body() body: unknown,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<unknown> {
    try {
      const session = await this.auth.signIn.signIn(field(body, 'username'), field(body, 'password'));
      return this.started(session, response);
    } catch (error) {
      if (!(error instanceof AccountLockedError)) throw error;
      response.statusCode = 423;
      return { error: { ...error.toBody(), details: { until: error.until } } };
    }
  }

  @Public()
  @Post('sign-out')
  @HttpCode(204)
  async signOut(
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<void> {
    // Server-side: the account's session version moves on (an event), so this session and any copy
    // of its token stop authenticating on every gateway replica, not only in this browser.
    const token = readCookies(request.headers).get(SESSION_COOKIE);
    const authenticated =
      token === undefined ? undefined : await this.auth.authenticator.session(token, response);
    if (authenticated?.session) {
      const { identity, session } = authenticated;
      await this.auth.accounts.execute(
        { type: 'EndSessions', data: { username: identity.username } },
        { actor: actorOf(identity), districtId: identity.districtId, commandId: `sign-out-${session.jti}` },
      );
    }
    clearSessionCookies(response, this.auth.cookies);
  }

  @Public()
  @Get('me')
  async me(
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<unknown> {
    const token = readCookies(request.headers).get(SESSION_COOKIE);
    const authenticated =
      token === undefined ? undefined : await this.auth.authenticator.session(token, response);
    if (!authenticated?.session) throw unauthenticated();
    return {
      user: sessionUserOf(authenticated.identity),
      csrfToken: this.auth.sessions.csrfToken(authenticated.session),
    };
  }

  @AllowDuringPasswordChange()
  @Post('password')
  @HttpCode(204)
  async changePassword(
    @Req() request: IncomingMessage,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<void> {
    const identity = identityOf(request.headers);
    if (!identity) throw unauthenticated();
    const session = await this.auth.signIn.changePassword(
      identity,
      field(body, 'currentPassword'),
      field(body, 'newPassword'),
    );
    this.started(session, response);
  }

  private started(session: NewSession, response: ServerResponse): unknown {
    const maxAgeSeconds = session.claims.exp - session.claims.lat;
    setSessionCookies(
      response,
      { session: session.token, csrf: session.csrfToken, maxAgeSeconds },
      this.auth.cookies,
    );
    return { user: session.user, csrfToken: session.csrfToken };
  }
}
