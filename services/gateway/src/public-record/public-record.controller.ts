import type { IncomingMessage } from 'node:http';
import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ListPublicCaseRecord } from '@hotline/contracts';
import { Public } from '../auth/allow.decorator';
import { BUS_CLIENT } from '../bus-client.token';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { queryDoc } from '../openapi/doc-helpers';
import { queryValues, type QueryParams } from '../cases/case-query-params';
import { WorkflowRequests } from '../workflow-requests';

/** The citizen portal's public record of closed cases (办件公开): no account, rate limited. */
@DocTag('cases')
@Controller('api/public')
export class PublicRecordController {
  private readonly requests: WorkflowRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new WorkflowRequests(bus);
  }

  @Doc(queryDoc('ListPublicCaseRecord'))
  @Public()
  @Get('closed-cases')
  list(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const { text, number } = queryValues;
    const values = {
      q: text(params, 'q'),
      districtId: text(params, 'districtId'),
      categoryCode: text(params, 'categoryCode'),
      page: number(params, 'page'),
      pageSize: number(params, 'pageSize'),
    };
    const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    return this.requests.publicQuery(ListPublicCaseRecord.type, request.headers, defined);
  }
}
