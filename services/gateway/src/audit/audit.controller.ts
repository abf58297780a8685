import type { IncomingMessage } from 'node:http';
import { Controller, Get, Inject, Query, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { ListCaseAuditTrail } from '@hotline/contracts';
import { Allow } from '../auth/allow.decorator';
import { BUS_CLIENT } from '../bus-client.token';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { queryDoc } from '../openapi/doc-helpers';
import { minPosition, defined, queryValues, type QueryParams } from '../cases/case-query-params';
import { WorkflowRequests } from '../workflow-requests';

/** The audit trail (审计日志): case events, who did what when; for auditors and administrators. */
@DocTag('cases')
@Controller('api/audit')
export class AuditController {
  private readonly requests: WorkflowRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new WorkflowRequests(bus);
  }

  @Doc(queryDoc('ListCaseAuditTrail'))
  @Allow('auditor', 'city-admin', 'district-admin')
  @Get('case-events')
  list(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const { text, number } = queryValues;
    const values = {
      who: text(params, 'who'),
      type: text(params, 'type'),
      from: text(params, 'from'),
      to: text(params, 'to'),
      page: number(params, 'page'),
      pageSize: number(params, 'pageSize'),
      ...minPosition(params),
    };
    const given = defined(values);
    return this.requests.query(ListCaseAuditTrail.type, request.headers, given);
  }
}
