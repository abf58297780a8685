import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { busEndpoints } from '@hotline/infra/bus';
import type { CommandHandlerDeps } from '@hotline/infra/command';
import { loadConfig, type Env } from '@hotline/infra/config';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { commandMetrics } from '@hotline/infra/telemetry';
import { telephonyEndpoints } from './flows/telephony.endpoints';
import { sipappConfigSchema, type SipappConfig } from './sipapp.config';
import { telephonyReadiness } from './telephony-readiness';

export interface SipappModuleOptions {
  config?: SipappConfig;
  env?: Env;
}

const TELEPHONY_CLOSE = Symbol('sipapp.telephony-close');

/** Closes the media engine's control socket when the app stops. */
class SipappLifecycle implements OnApplicationShutdown {
  constructor(@Inject(TELEPHONY_CLOSE) private readonly close: () => void) {}
  onApplicationShutdown(): void {
    this.close();
  }
}

/**
 * The telephone edge: IVR flows and the live announcement, outbound calls on the bus; with telephony
 * on, the drachtio-srf application that answers calls through the flow engine.
 */
@Module({})
export class SipappModule {
  static register(platform: Platform, options: SipappModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig(sipappConfigSchema, options.env, 'sipapp');
    const { eventStore: store, clock, logger, metrics } = platform;
    logger.info({ flowId: config.SIPAPP_FLOW_ID, telephony: config.SIPAPP_TELEPHONY }, 'sipapp settings');
    const readiness = telephonyReadiness(config);
    for (const check of readiness.checks) platform.readiness.register(check);
    const deps: CommandHandlerDeps = { store, clock, logger, metrics: commandMetrics(metrics) };
    return {
      module: SipappModule,
      controllers: [busEndpoints('Telephony', telephonyEndpoints(deps))],
      providers: [{ provide: TELEPHONY_CLOSE, useValue: readiness.close }, SipappLifecycle],
    };
  }
}

export const createSipappService = (options: SipappModuleOptions = {}): ServiceDefinition => ({
  name: 'sipapp',
  module: (platform) => SipappModule.register(platform, options),
});

/** The sipapp as the embedded runner and its own process mount it: settings from the environment. */
export const sipappService: ServiceDefinition = createSipappService();
