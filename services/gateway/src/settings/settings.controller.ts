import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import {
  ClearCalendarDay,
  DeclareCalendarDay,
  DefineCategory,
  GetCalendar,
  GetCategories,
  GetDeadlineLimits,
  ReactivateCategory,
  RenameCategory,
  RetireCategory,
  SetDeadlineLimit,
} from '@hotline/contracts';
import { BUS_CLIENT } from '../bus-client.token';
import { minPosition, queryValues, type QueryParams } from '../cases/case-query-params';
import { WorkflowRequests } from '../workflow-requests';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { ANY_ROLE, Allow } from '../auth/allow.decorator';

/**
 * The city's settings (workflow): the category taxonomy, the city's calendar days and the deadline
 * limits. Everyone signed in reads them; only the city administrator changes them.
 */
@DocTag('settings')
@Controller('api/settings')
export class SettingsController {
  private readonly requests: WorkflowRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new WorkflowRequests(bus);
  }

  @Doc(queryDoc('GetCategories'))
  @Allow(...ANY_ROLE)
  @Get('categories')
  categories(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests.query(GetCategories.type, request.headers, minPosition(params));
  }

  @Doc(commandDoc('DefineCategory'))
  @Allow('city-admin')
  @Post('categories')
  @HttpCode(201)
  define(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(DefineCategory.type, request.headers, body);
  }

  @Doc(commandDoc('RenameCategory', ['code']))
  @Allow('city-admin')
  @Post('categories/:code/rename')
  @HttpCode(200)
  rename(
    @Req() request: IncomingMessage,
    @Param('code') code: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.requests.command(RenameCategory.type, request.headers, body, { code });
  }

  @Doc(commandDoc('RetireCategory', ['code']))
  @Allow('city-admin')
  @Post('categories/:code/retire')
  @HttpCode(200)
  retire(
    @Req() request: IncomingMessage,
    @Param('code') code: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.requests.command(RetireCategory.type, request.headers, body, { code });
  }

  @Doc(commandDoc('ReactivateCategory', ['code']))
  @Allow('city-admin')
  @Post('categories/:code/reactivate')
  @HttpCode(200)
  reactivate(
    @Req() request: IncomingMessage,
    @Param('code') code: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.requests.command(ReactivateCategory.type, request.headers, body, { code });
  }

  @Doc(queryDoc('GetCalendar', { required: ['year'] }))
  @Allow(...ANY_ROLE)
  @Get('calendar')
  calendar(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const year = queryValues.number(params, 'year');
    return this.requests.query(GetCalendar.type, request.headers, {
      ...(year !== undefined ? { year } : {}),
      ...minPosition(params),
    });
  }

  @Doc(commandDoc('DeclareCalendarDay'))
  @Allow('city-admin')
  @Post('calendar/days')
  @HttpCode(200)
  declareDay(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(DeclareCalendarDay.type, request.headers, body);
  }

  @Doc(commandDoc('ClearCalendarDay', ['date']))
  @Allow('city-admin')
  @Post('calendar/days/:date/clear')
  @HttpCode(200)
  clearDay(
    @Req() request: IncomingMessage,
    @Param('date') date: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.requests.command(ClearCalendarDay.type, request.headers, body, { date });
  }

  @Doc(queryDoc('GetDeadlineLimits'))
  @Allow(...ANY_ROLE)
  @Get('deadlines')
  deadlines(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests.query(GetDeadlineLimits.type, request.headers, minPosition(params));
  }

  @Doc(commandDoc('SetDeadlineLimit', ['caseType']))
  @Allow('city-admin')
  @Post('deadlines/:caseType')
  @HttpCode(200)
  setLimit(
    @Req() request: IncomingMessage,
    @Param('caseType') caseType: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.requests.command(SetDeadlineLimit.type, request.headers, body, { caseType });
  }
}
