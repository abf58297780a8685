import {
  type DynamicModule,
  Inject,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  RequestMethod,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { loadConfig, type Env } from '@hotline/infra/config';
import { demoDataEnabled, type Platform } from '@hotline/infra/platform';
import { commandMetrics } from '@hotline/infra/telemetry';
import { AccountService } from './account/account-service';
import { seedAccounts } from './account/account-seed';
import { AccountsController } from './accounts.controller';
import { authConfigSchema, type AuthConfig } from './auth.config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import type { AuthServices } from './auth-services';
import { AUTH_SERVICES } from './auth.tokens';
import { Authenticator } from './authenticator';
import { RateLimiter } from './http/rate-limiter';
import { securityHeaders } from './http/security-headers';
import { maskingMiddleware } from './masking/masking.middleware';
import { jsonBodyOnly } from '../validation/json-body-only.middleware';
import { OidcVerifier } from './oidc/oidc-verifier';
import { SessionTokens } from './session/session-tokens';
import { sessionSecret } from './session/session-secret';
import { SignInService } from './session/sign-in.service';
import { UnitScope } from './unit-scope';

export interface AuthModuleOptions {
  config?: AuthConfig;
  env?: Env;
}

function oidcVerifier(config: AuthConfig, platform: Platform): OidcVerifier | undefined {
  if (config.OIDC_ISSUER === undefined) return undefined;
  if (config.OIDC_AUDIENCE === undefined) {
    throw new Error('OIDC_AUDIENCE is required when OIDC_ISSUER is set');
  }
  return new OidcVerifier({
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    jwksUrl: config.OIDC_JWKS_URL ?? `${config.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json`,
    claims: {
      role: config.OIDC_ROLE_CLAIM,
      district: config.OIDC_DISTRICT_CLAIM,
      unit: config.OIDC_UNIT_CLAIM,
      name: config.OIDC_NAME_CLAIM,
    },
    clock: platform.clock,
  });
}

/** Builds the gateway's accounts, sessions and verifiers from its settings. */
export function createAuthServices(platform: Platform, config: AuthConfig): AuthServices {
  const { eventStore: store, clock, logger, metrics: registry } = platform;
  const accounts = new AccountService({
    commandDeps: { store, clock, logger, metrics: commandMetrics(registry) },
    readStore: platform.readStore,
    source: platform.projectionSource(),
    lockout: {
      maxFailures: config.HOTLINE_LOCKOUT_MAX_FAILURES,
      windowMs: config.HOTLINE_LOCKOUT_WINDOW_MINUTES * 60_000,
      durationMs: config.HOTLINE_LOCKOUT_MINUTES * 60_000,
    },
    readAfterWriteTimeoutMs: platform.config.HOTLINE_REQUEST_TIMEOUT_MS,
    registry,
    logger,
  });
  const key = sessionSecret({
    configured: config.HOTLINE_SESSION_SECRET,
    mode: platform.mode,
    dataDir: platform.config.HOTLINE_DATA_DIR,
  });
  const sessions = new SessionTokens(key, {
    idleSeconds: config.HOTLINE_SESSION_IDLE_MINUTES * 60,
    maxSeconds: config.HOTLINE_SESSION_MAX_HOURS * 3600,
  });
  const cookies = { secure: !config.HOTLINE_INSECURE_COOKIES };
  const authenticator = new Authenticator({
    accounts,
    sessions,
    oidc: oidcVerifier(config, platform),
    clock,
    cookies,
  });
  return {
    config,
    accounts,
    authenticator,
    sessions,
    cookies,
    signIn: new SignInService(accounts, sessions, clock),
  };
}

/** Starts the accounts read model and seeds the accounts before the gateway serves. */
class AuthLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private unregister: (() => void) | undefined;

  constructor(
    private readonly platform: Platform,
    private readonly auth: AuthServices,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { accounts, config } = this.auth;
    this.unregister = this.platform.readiness.register({
      name: 'gateway-accounts',
      check: () => {
        if (!accounts.live()) throw new Error('the accounts read model is catching up');
      },
    });
    await accounts.start();
    await seedAccounts(accounts, {
      adminPassword: config.HOTLINE_ADMIN_PASSWORD,
      demo: demoDataEnabled(this.platform.config),
      logger: this.platform.logger,
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.unregister?.();
    await this.auth.accounts.stop();
  }
}

/**
 * Authentication and authorisation of the gateway: the account and session routes, the global
 * guard (roles, scope, CSRF, rate limits), response masking and the security headers.
 */
@Module({})
export class AuthModule implements NestModule {
  constructor(@Inject(AUTH_SERVICES) private readonly auth: AuthServices) {}

  static register(platform: Platform, options: AuthModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig(authConfigSchema, options.env, 'gateway');
    const auth = createAuthServices(platform, config);
    const guard = new AuthGuard({
      authenticator: auth.authenticator,
      units: new UnitScope(platform.client()),
      limiter: new RateLimiter({
        perMinute: config.HOTLINE_RATE_LIMIT_PER_MINUTE,
        burst: config.HOTLINE_RATE_LIMIT_BURST,
      }),
      trustedProxies: config.HOTLINE_TRUSTED_PROXIES,
    });
    return {
      module: AuthModule,
      controllers: [AuthController, AccountsController],
      providers: [
        { provide: AUTH_SERVICES, useValue: auth },
        { provide: APP_GUARD, useValue: guard },
        { provide: AuthLifecycle, useValue: new AuthLifecycle(platform, auth) },
      ],
      exports: [AUTH_SERVICES],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(securityHeaders(this.auth.config.HOTLINE_TRUSTED_PROXIES), jsonBodyOnly, maskingMiddleware)
      .forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
