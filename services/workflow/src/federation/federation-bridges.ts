import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { BusRequests, JetStreamEventBus, NatsClientProxy } from '@hotline/infra/bus';
import { busTopologyOf, type Platform } from '@hotline/infra/platform';
import { FederationBridge } from './federation-bridge';
import type { FederationConfig } from './federation.config';

/**
 * The city's bridges to its district platforms, on the city's own NATS connection: the district's
 * commands and events under the district deployment's bus prefix. Started with the workflow service
 * (one replica runs them: the consumers are durable and shared, so two replicas split the events).
 */
export class FederationBridges implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly bridges: FederationBridge[];

  constructor(platform: Platform, districts: FederationConfig['WORKFLOW_FEDERATION_DISTRICTS']) {
    if (districts.length > 0 && platform.config.HOTLINE_MODE !== 'distributed')
      throw new Error('WORKFLOW_FEDERATION_DISTRICTS: federation needs the distributed mode (NATS)');
    this.bridges = districts.map(({ unitId, busPrefix }) => {
      const connection = platform.natsConnection;
      const topology = busTopologyOf({ ...platform.config, HOTLINE_BUS_PREFIX: busPrefix });
      const client = new NatsClientProxy({
        connection,
        timeoutMs: platform.config.HOTLINE_REQUEST_TIMEOUT_MS,
        subjectPrefix: busPrefix,
      });
      return new FederationBridge({
        city: { events: platform.eventBus, requests: new BusRequests(platform.client()) },
        district: {
          events: new JetStreamEventBus({ connection, topology }),
          requests: new BusRequests(client),
        },
        unitId,
        logger: platform.logger,
      });
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const bridge of this.bridges) await bridge.start();
  }

  async onModuleDestroy(): Promise<void> {
    for (const bridge of this.bridges) await bridge.stop();
  }
}
