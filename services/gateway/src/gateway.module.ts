import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { AccountsController } from './auth/accounts.controller';
import { AuthController } from './auth/auth.controller';
import { AuthModule } from './auth/auth.module';
import { BUS_CLIENT } from './bus-client.token';
import { CasesController } from './cases/cases.controller';
import { ConsoleStaticModule } from './console/console-static.module';
import { UnitsController } from './cases/units.controller';
import { IntakeController } from './intake/intake.controller';
import { KnowledgeController } from './intake/knowledge.controller';
import { OPENAPI_DOCUMENT, OpenApiController } from './openapi/openapi.controller';
import { gatewayOpenApi } from './openapi/gateway-openapi';
import { AttachmentsController } from './attachments/attachments.controller';
import { ATTACHMENT_STORE } from './attachments/attachment-store.token';
import { LiveController } from './live/live.controller';
import { LiveHub } from './live/live-hub';

/** Every controller of the gateway: the routes, and what the OpenAPI document describes. */
export const gatewayControllers = [
  CasesController,
  UnitsController,
  IntakeController,
  KnowledgeController,
  OpenApiController,
  AttachmentsController,
  LiveController,
];

/** What the OpenAPI document describes: the gateway's routes and the auth module's. */
export const documentedControllers = [...gatewayControllers, AuthController, AccountsController];

/** The HTTP API: authenticates (later issue), validates, and sends commands and queries over the bus. */
@Module({})
class GatewayModule {
  static register(platform: Platform): DynamicModule {
    return {
      module: GatewayModule,
      imports: [AuthModule.register(platform), ConsoleStaticModule.register()],
      controllers: gatewayControllers,
      providers: [
        { provide: BUS_CLIENT, useFactory: () => platform.client() },
        { provide: OPENAPI_DOCUMENT, useFactory: () => gatewayOpenApi(documentedControllers) },
        {
          provide: ATTACHMENT_STORE,
          useFactory: () => new FileAttachmentStore(join(platform.config.HOTLINE_DATA_DIR, 'attachments')),
        },
        LiveHub,
      ],
    };
  }
}

export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  module: (platform) => GatewayModule.register(platform),
};
