import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import {
  DeactivateUnit,
  GetDispatchCatalogue,
  ListUnits,
  RegisterUnit,
  RemoveDispatchCatalogueEntry,
  SetDispatchCatalogueEntry,
  SuggestUnit,
  UpdateUnitContacts,
  ValidationError,
} from '@hotline/contracts';
import { BUS_CLIENT } from '../bus-client.token';
import { minPosition, defined, queryValues, type QueryParams } from '../cases/case-query-params';
import { WorkflowRequests } from '../workflow-requests';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { ANY_ROLE, Allow } from '../auth/allow.decorator';

/** Handling units and the dispatch catalogue (workflow): administration and the dispatch suggestion. */
@DocTag('units')
@Controller('api')
export class UnitsController {
  private readonly requests: WorkflowRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new WorkflowRequests(bus);
  }

  @Doc(commandDoc('RegisterUnit'))
  @Allow('center', 'city-admin', 'district-admin')
  @Post('units')
  @HttpCode(201)
  register(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(RegisterUnit.type, request.headers, body);
  }

  @Doc(commandDoc('UpdateUnitContacts', ['unitId']))
  @Allow('center', 'city-admin', 'district-admin')
  @Post('units/:unitId/contacts')
  @HttpCode(200)
  updateContacts(
    @Req() request: IncomingMessage,
    @Param('unitId') unitId: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.requests.command(UpdateUnitContacts.type, request.headers, body, { unitId });
  }

  @Doc(commandDoc('DeactivateUnit', ['unitId']))
  @Allow('center', 'city-admin', 'district-admin')
  @Post('units/:unitId/deactivate')
  @HttpCode(200)
  deactivate(
    @Req() request: IncomingMessage,
    @Param('unitId') unitId: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.requests.command(DeactivateUnit.type, request.headers, body, { unitId });
  }

  @Doc(queryDoc('ListUnits'))
  @Allow(...ANY_ROLE)
  @Get('units')
  list(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const { text, boolean } = queryValues;
    return this.requests.query(ListUnits.type, request.headers, {
      ...defined({
        parentId: text(params, 'parentId'),
        level: text(params, 'level'),
        includeInactive: boolean(params, 'includeInactive'),
      }),
      ...minPosition(params),
    });
  }

  @Doc(commandDoc('SetDispatchCatalogueEntry'))
  @Allow('center', 'city-admin')
  @Post('dispatch-catalogue/entries')
  @HttpCode(200)
  setEntry(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(SetDispatchCatalogueEntry.type, request.headers, body);
  }

  @Doc(commandDoc('RemoveDispatchCatalogueEntry'))
  @Allow('center', 'city-admin')
  @Post('dispatch-catalogue/entries/remove')
  @HttpCode(200)
  removeEntry(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(RemoveDispatchCatalogueEntry.type, request.headers, body);
  }

  @Doc(queryDoc('GetDispatchCatalogue'))
  @Allow(...ANY_ROLE)
  @Get('dispatch-catalogue')
  catalogue(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests.query(GetDispatchCatalogue.type, request.headers, {
      ...defined({ catalogueId: queryValues.text(params, 'catalogueId') }),
      ...minPosition(params),
    });
  }

  @Doc(queryDoc('SuggestUnit', { omit: ['caseId', 'minPosition'], required: ['categoryCode'] }))
  @Allow('agent', 'supervisor', 'center')
  @Get('dispatch-catalogue/suggestion')
  suggest(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const { text } = queryValues;
    const categoryCode = text(params, 'categoryCode');
    // The contract takes a caseId instead; this route has none, so the category is what it needs.
    if (categoryCode === undefined) throw new ValidationError('categoryCode', 'is required');
    return this.requests.query(
      SuggestUnit.type,
      request.headers,
      defined({
        categoryCode,
        districtId: text(params, 'districtId'),
        catalogueId: text(params, 'catalogueId'),
      }),
    );
  }

  @Doc(queryDoc('SuggestUnit', { path: ['caseId'], omit: ['categoryCode', 'districtId'] }))
  @Allow('agent', 'supervisor', 'center')
  @Get('cases/:caseId/suggested-unit')
  suggestForCase(
    @Req() request: IncomingMessage,
    @Param('caseId') caseId: string,
    @Query() params: QueryParams,
  ): Promise<unknown> {
    return this.requests.query(SuggestUnit.type, request.headers, {
      ...defined({ caseId, catalogueId: queryValues.text(params, 'catalogueId') }),
      ...minPosition(params),
    });
  }
}
