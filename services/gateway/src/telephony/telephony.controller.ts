import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import {
  ClearLiveAnnouncement,
  GetIvrFlow,
  GetLiveAnnouncement,
  PublishIvrFlow,
  SetLiveAnnouncement,
  TELEPHONY_SERVICE,
  telephonyGatewayRoles,
} from '@hotline/contracts';
import { ServiceController } from '../service-controller';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { Allow } from '../auth/allow.decorator';

/** Who reads the flow and the announcement: whoever may change them, and the auditor. */
const READERS = ['city-admin', 'supervisor', 'center', 'auditor'] as const;

/**
 * The IVR (sipapp): the flow the city administrator edits and publishes, and the live announcement the
 * supervisor seat sets during a mass incident. The roles come from the same table the sipapp enforces.
 */
@DocTag('telephony')
@Controller('api/telephony')
export class TelephonyController extends ServiceController(TELEPHONY_SERVICE) {
  @Doc(queryDoc(GetIvrFlow.type, { path: ['flowId'] }))
  @Allow(...READERS)
  @Get('flows/:flowId')
  flow(@Req() request: IncomingMessage, @Param('flowId') flowId: string): Promise<unknown> {
    return this.requests.query(GetIvrFlow.type, request.headers, { flowId });
  }

  @Doc(commandDoc(PublishIvrFlow.type))
  @Allow(...telephonyGatewayRoles('PublishIvrFlow'))
  @Post('flows/publish')
  @HttpCode(200)
  publish(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(PublishIvrFlow.type, request.headers, body);
  }

  @Doc(queryDoc(GetLiveAnnouncement.type))
  @Allow(...READERS)
  @Get('announcement')
  announcement(@Req() request: IncomingMessage): Promise<unknown> {
    return this.requests.query(GetLiveAnnouncement.type, request.headers, {});
  }

  @Doc(commandDoc(SetLiveAnnouncement.type))
  @Allow(...telephonyGatewayRoles('SetLiveAnnouncement'))
  @Post('announcement')
  @HttpCode(200)
  setAnnouncement(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(SetLiveAnnouncement.type, request.headers, body);
  }

  @Doc(commandDoc(ClearLiveAnnouncement.type))
  @Allow(...telephonyGatewayRoles('ClearLiveAnnouncement'))
  @Post('announcement/clear')
  @HttpCode(200)
  clearAnnouncement(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(ClearLiveAnnouncement.type, request.headers, body);
  }
}
