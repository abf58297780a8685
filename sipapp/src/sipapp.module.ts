import { join } from 'node:path';
import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { BusRequests, busEndpoints } from '@hotline/infra/bus';
import type { CommandHandlerDeps } from '@hotline/infra/command';
import { loadConfig, type Env } from '@hotline/infra/config';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { ProjectionRunner, projectionsBehind } from '@hotline/infra/projection';
import { commandMetrics } from '@hotline/infra/telemetry';
import { callRecordingEndpoints } from './recordings/call-recordings.endpoints';
import { callRecordingsProjection } from './recordings/call-recordings.projection';
import { telephonyEndpoints } from './flows/telephony.endpoints';
import { sipappConfigSchema, type SipappConfig } from './sipapp.config';
import { natsDtmfRelay } from './media/dtmf-relay';
import { SipEdge } from './sip/sip-edge';
import { telephonyReadiness } from './telephony-readiness';

export interface SipappModuleOptions {
  config?: SipappConfig;
  env?: Env;
}

const TELEPHONY = Symbol('sipapp.telephony');

interface Telephony {
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Starts the SIP edge once the platform is up (its bus client is needed) and stops it with the app. */
class SipappLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(TELEPHONY) private readonly telephony: Telephony) {}
  onApplicationBootstrap(): Promise<void> {
    return this.telephony.start();
  }
  onApplicationShutdown(): Promise<void> {
    return this.telephony.close();
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
    const drachtioUrl = config.SIPAPP_TELEPHONY ? config.DRACHTIO_URL : undefined;
    let edge: SipEdge | undefined;
    // The call recordings read model runs with or without telephony: the search answers either way.
    const recordings = new ProjectionRunner(callRecordingsProjection(), {
      store: platform.readStore,
      source: platform.projectionSource(),
      registry: metrics,
      logger,
    });
    let unregister: (() => void) | undefined;
    const telephony: Telephony = {
      start: async () => {
        unregister = platform.readiness.register({
          name: 'sipapp-call-recordings',
          check: async () => {
            const behind = await projectionsBehind([recordings]);
            if (behind) throw new Error(behind);
          },
        });
        await recordings.start();
        if (drachtioUrl === undefined) return;
        const bus = new BusRequests(platform.client());
        edge = await SipEdge.start({
          config: { ...config, DRACHTIO_URL: drachtioUrl },
          store,
          clock,
          logger,
          bus,
          events: platform.eventBus,
          attachmentsDir: join(platform.config.HOTLINE_DATA_DIR, 'attachments'),
          routerEvents: platform.projectionSource(),
          ...(platform.mode === 'distributed'
            ? { dtmfRelay: natsDtmfRelay(platform.natsConnection, platform.config.HOTLINE_BUS_PREFIX) }
            : {}),
        });
      },
      close: async () => {
        readiness.close();
        await edge?.close();
        unregister?.();
        await recordings.stop();
      },
    };
    return {
      module: SipappModule,
      controllers: [
        busEndpoints('Telephony', [
          ...telephonyEndpoints(deps),
          ...callRecordingEndpoints(platform.readStore),
        ]),
      ],
      providers: [{ provide: TELEPHONY, useValue: telephony }, SipappLifecycle],
    };
  }
}

export const createSipappService = (options: SipappModuleOptions = {}): ServiceDefinition => ({
  name: 'sipapp',
  module: (platform) => SipappModule.register(platform, options),
});

/** The sipapp as the embedded runner and its own process mount it: settings from the environment. */
export const sipappService: ServiceDefinition = createSipappService();
