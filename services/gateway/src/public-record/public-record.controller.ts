import type { IncomingMessage } from 'node:http';
import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ListPublicCaseRecord, ListPublicRecordReviews } from '@hotline/contracts';
import { Allow, Public } from '../auth/allow.decorator';
import { BUS_CLIENT } from '../bus-client.token';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { queryDoc } from '../openapi/doc-helpers';
import { minPosition, defined, queryValues, type QueryParams } from '../cases/case-query-params';
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
    const given = defined(values);
    return this.requests.publicQuery(ListPublicCaseRecord.type, request.headers, given);
  }
}

/**
 * The center's review before anything is published (办件公开审核): the queue with the proposed words.
 * The decision itself is a case action, `POST /api/cases/:caseId/public-record-review`.
 */
@DocTag('cases')
@Controller('api/public-record')
export class PublicRecordReviewController {
  private readonly requests: WorkflowRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new WorkflowRequests(bus);
  }

  @Doc(queryDoc('ListPublicRecordReviews'))
  @Allow('center')
  @Get('reviews')
  reviews(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const { number } = queryValues;
    const values = {
      page: number(params, 'page'),
      pageSize: number(params, 'pageSize'),
      ...minPosition(params),
    };
    const given = defined(values);
    return this.requests.query(ListPublicRecordReviews.type, request.headers, given);
  }
}
