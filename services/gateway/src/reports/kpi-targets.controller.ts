import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Put, Req } from '@nestjs/common';
import { GetKpiTargets, REPORTING_SERVICE, SetKpiTargets } from '@hotline/contracts';
import { ServiceController } from '../service-controller';
import { SCOPED_READERS } from '../auth/reader-roles';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { Allow } from '../auth/allow.decorator';

/**
 * The KPIs' targets (reporting): every report reader sees them; the center's staff and the city
 * administrator set them, the whole table at once, on the version they read.
 */
@DocTag('reports')
@Controller('api/reports/kpi-targets')
export class KpiTargetsController extends ServiceController(REPORTING_SERVICE) {
  @Doc(queryDoc('GetKpiTargets'))
  @Allow(...SCOPED_READERS)
  @Get()
  targets(@Req() request: IncomingMessage): Promise<unknown> {
    return this.requests.query(GetKpiTargets.type, request.headers, {});
  }

  @Doc(commandDoc('SetKpiTargets'))
  @Allow('center', 'city-admin')
  @Put()
  @HttpCode(200)
  set(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(SetKpiTargets.type, request.headers, body);
  }
}
