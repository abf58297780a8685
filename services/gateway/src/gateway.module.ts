import {
  type DynamicModule,
  Inject,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
import type { FileAttachmentStore } from '@hotline/infra/attachments';
import { loadConfig } from '@hotline/infra/config';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { AccountsController } from './auth/accounts.controller';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthModule, type AuthModuleOptions } from './auth/auth.module';
import { BUS_CLIENT } from './bus-client.token';
import { CasesController } from './cases/cases.controller';
import { ConsoleStaticModule } from './console/console-static.module';
import {
  PublicRecordController,
  PublicRecordReviewController,
} from './public-record/public-record.controller';
import { PlacesController } from './units/places.controller';
import { UnitsController } from './units/units.controller';
import { RoutingController } from './routing/routing.controller';
import { SkillsController } from './routing/skills.controller';
import { WallboardHub } from './routing/wallboard/wallboard-hub';
import { WallboardLiveController } from './routing/wallboard/wallboard-live.controller';
import { EscalationController } from './escalation/escalation.controller';
import { SurveyController } from './survey/survey.controller';
import { PollsController } from './polls/polls.controller';
import { ReportsController } from './reports/reports.controller';
import { CaseExportController } from './reports/case-export.controller';
import { KpiTargetsController } from './reports/kpi-targets.controller';
import { reportExportProviders } from './reports/report-export.providers';
import { SettingsController } from './settings/settings.controller';
import { TelephonyController } from './telephony/telephony.controller';
import { CallRecordingsController } from './telephony/call-recordings.controller';
import { IntakeController } from './intake/intake.controller';
import { KnowledgeController } from './intake/knowledge.controller';
import { OPENAPI_DOCUMENT, OpenApiController } from './openapi/openapi.controller';
import { gatewayOpenApi } from './openapi/gateway-openapi';
import { AttachmentsController } from './attachments/attachments.controller';
import { attachmentProviders } from './attachments/attachments.providers';
import { ATTACHMENT_STORE } from './attachments/attachment-store.token';
import { claimAttachments } from './attachments/claim-attachments';
import { LiveController } from './live/live.controller';
import { LiveHub } from './live/live-hub';
import { LIVE_CONFIG, liveConfigSchema } from './live/live.config';
import { ChatController } from './chat/chat.controller';
import { ChatHub } from './chat/chat-hub';
import { ChatLiveController } from './chat/chat-live.controller';
import { CHAT_CONFIG, chatConfigSchema } from './chat/chat.config';
import { Open311Controller } from './open311/open311.controller';
import { open311ApiKey } from './open311/open311-api-key.middleware';
import { OPEN311_CONFIG, open311ConfigSchema } from './open311/open311.config';

/** Every controller of the gateway: the routes, and what the OpenAPI document describes. */
export const gatewayControllers = [
  CasesController,
  AuditController,
  PublicRecordController,
  PublicRecordReviewController,
  UnitsController,
  PlacesController,
  SettingsController,
  RoutingController,
  SkillsController,
  WallboardLiveController,
  ChatController,
  ChatLiveController,
  EscalationController,
  SurveyController,
  PollsController,
  TelephonyController,
  CallRecordingsController,
  ReportsController,
  CaseExportController,
  KpiTargetsController,
  IntakeController,
  KnowledgeController,
  OpenApiController,
  AttachmentsController,
  LiveController,
  Open311Controller,
];

/** What the OpenAPI document describes: the gateway's routes and the auth module's. */
export const documentedControllers = [...gatewayControllers, AuthController, AccountsController];

export interface GatewayOptions {
  /** Accounts, sessions, OIDC and rate-limit settings; default: from the process environment. */
  auth?: AuthModuleOptions;
  /** Upload expiry and the anonymous quota (`attachments.config.ts`); default: the process environment. */
  attachmentsEnv?: NodeJS.ProcessEnv;
  /** The case-list export's row and job limits (`report-export.config.ts`); default: the process environment. */
  reportsEnv?: NodeJS.ProcessEnv;
}

/** The HTTP API: authenticates, authorises, validates, and sends commands and queries over the bus. */
@Module({})
class GatewayModule implements NestModule {
  constructor(@Inject(ATTACHMENT_STORE) private readonly attachments: FileAttachmentStore) {}

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(claimAttachments(this.attachments))
      .forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
    consumer.apply(open311ApiKey).forRoutes({ path: 'open311/{*splat}', method: RequestMethod.ALL });
  }

  static register(platform: Platform, options: GatewayOptions = {}): DynamicModule {
    return {
      module: GatewayModule,
      imports: [AuthModule.register(platform, options.auth), ConsoleStaticModule.register()],
      controllers: gatewayControllers,
      providers: [
        { provide: BUS_CLIENT, useFactory: () => platform.client() },
        { provide: OPENAPI_DOCUMENT, useFactory: () => gatewayOpenApi(documentedControllers) },
        ...attachmentProviders(platform, options.attachmentsEnv),
        ...reportExportProviders(platform, options.reportsEnv),
        LiveHub,
        WallboardHub,
        ChatHub,
        { provide: LIVE_CONFIG, useFactory: () => loadConfig(liveConfigSchema, undefined, 'gateway') },
        { provide: CHAT_CONFIG, useFactory: () => loadConfig(chatConfigSchema, undefined, 'gateway') },
        {
          provide: OPEN311_CONFIG,
          useFactory: () => loadConfig(open311ConfigSchema, undefined, 'gateway'),
        },
      ],
    };
  }
}

/** The gateway with these options (tests): e.g. its auth settings from an env object. */
export const createGatewayService = (options: GatewayOptions = {}): ServiceDefinition => ({
  name: 'gateway',
  module: (platform) => GatewayModule.register(platform, options),
});

/** The gateway as the runners mount it: settings from the environment. */
export const gatewayService: ServiceDefinition = createGatewayService();
