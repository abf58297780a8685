import { type DynamicModule, Module } from '@nestjs/common';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { BUS_CLIENT } from './bus-client.token';

/** The HTTP API: authenticates (later issue), validates, and sends commands and queries over the bus. */
@Module({})
class GatewayModule {
  static register(platform: Platform): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [],
      providers: [{ provide: BUS_CLIENT, useFactory: () => platform.client() }],
    };
  }
}

export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  module: (platform) => GatewayModule.register(platform),
};
