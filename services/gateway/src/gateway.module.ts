import { type DynamicModule, Module } from '@nestjs/common';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { BUS_CLIENT } from './bus-client.token';
import { CasesController } from './cases/cases.controller';
import { UnitsController } from './cases/units.controller';
import { IntakeController } from './intake/intake.controller';
import { KnowledgeController } from './intake/knowledge.controller';

/** The HTTP API: authenticates (later issue), validates, and sends commands and queries over the bus. */
@Module({})
class GatewayModule {
  static register(platform: Platform): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [CasesController, UnitsController, IntakeController, KnowledgeController],
      providers: [{ provide: BUS_CLIENT, useFactory: () => platform.client() }],
    };
  }
}

export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  module: (platform) => GatewayModule.register(platform),
};
