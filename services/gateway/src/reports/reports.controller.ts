import type { IncomingMessage, ServerResponse } from 'node:http';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { z } from 'zod';
import {
  CaseId,
  GetCase,
  GetContactCenterReport,
  GetDailyDigest,
  GetHotTopics,
  GetKpiReport,
  GetReportCases,
  GetSurges,
  GetUnitScorecards,
  REPORTING_SERVICE,
  ValidationError,
  type CaseDetailView,
} from '@hotline/contracts';
import {
  writeCsv,
  writePdf,
  writeXlsx,
  type DocumentTable,
  type PdfDocumentSpec,
} from '@hotline/infra/documents';
import { defined, queryValues, type QueryParams } from '../cases/case-query-params';
import { downloadHeaders, ServiceController, XLSX_MEDIA_TYPE } from '../service-controller';
import { SCOPED_READERS } from '../auth/reader-roles';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { queryDoc } from '../openapi/doc-helpers';
import { Allow } from '../auth/allow.decorator';
import {
  kpiReportPdf,
  kpiReportTable,
  kpiReportTitle,
  replyLetterPdf,
  scorecardTable,
  transferFormPdf,
  type KpiReportAnswer,
  type ScorecardAnswer,
} from './report-documents';

const FORMATS = ['xlsx', 'csv', 'pdf'] as const;
const FILE_RESPONSES = {
  200: {
    description: 'The report as xlsx, CSV (UTF-8 with BOM) or PDF',
    mediaType: 'application/octet-stream',
  },
};
type Format = (typeof FORMATS)[number];

function rangeParams(params: QueryParams): Record<string, unknown> {
  const { text } = queryValues;
  return defined({
    from: text(params, 'from'),
    to: text(params, 'to'),
    districtId: text(params, 'districtId'),
    unitId: text(params, 'unitId'),
    categoryCode: text(params, 'categoryCode'),
    channel: text(params, 'channel'),
    type: text(params, 'type'),
  });
}

/**
 * Reports: KPIs with comparisons and drill-down, contact-center statistics, hot topics, surges, the
 * daily digest and unit scorecards (the reporting service), their exports (xlsx, CSV) and print (PDF),
 * and a case's printed documents: the transfer form (转办单) and the reply letter (答复函).
 */
@DocTag('reports')
@Controller('api/reports')
export class ReportsController extends ServiceController(REPORTING_SERVICE) {
  @Doc(queryDoc('GetKpiReport'))
  @Allow(...SCOPED_READERS)
  @Get('kpis')
  kpis(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests.query(GetKpiReport.type, request.headers, this.kpiParams(params));
  }

  @Doc({
    ...queryDoc('GetKpiReport'),
    summary: 'The KPI report as a file: `format` xlsx (streamed), csv or pdf.',
    responses: FILE_RESPONSES,
  })
  @Allow(...SCOPED_READERS)
  @Get('kpis/export')
  async exportKpis(
    @Req() request: IncomingMessage,
    @Query() params: QueryParams,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const format = this.format(params);
    const report = (await this.requests.query(GetKpiReport.type, request.headers, {
      ...this.kpiParams(params),
      compare: false,
    })) as KpiReportAnswer;
    const names = await this.names(request, report.groupBy);
    const title = kpiReportTitle(report);
    await this.send(
      response,
      format,
      `kpi-report-${report.from}-${report.to}`,
      title,
      kpiReportTable(report, names),
      () => kpiReportPdf(report, names),
    );
  }

  @Doc(queryDoc('GetReportCases'))
  @Allow(...SCOPED_READERS)
  @Get('cases')
  cases(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests.query(GetReportCases.type, request.headers, {
      ...rangeParams(params),
      ...defined({
        metric: queryValues.text(params, 'metric'),
        limit: queryValues.number(params, 'limit'),
        after: queryValues.text(params, 'after'),
        withTotal: queryValues.boolean(params, 'withTotal'),
      }),
    });
  }

  @Doc(queryDoc('GetContactCenterReport'))
  @Allow('supervisor', 'center', 'leader', 'city-admin', 'auditor')
  @Get('contact-center')
  contactCenter(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const { text } = queryValues;
    return this.requests.query(GetContactCenterReport.type, request.headers, {
      ...defined({
        from: text(params, 'from'),
        to: text(params, 'to'),
        groupBy: text(params, 'groupBy'),
        queueId: text(params, 'queueId'),
        agentId: text(params, 'agentId'),
      }),
    });
  }

  @Doc(queryDoc('GetHotTopics'))
  @Allow(...SCOPED_READERS)
  @Get('hot-topics')
  hotTopics(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const { text, number } = queryValues;
    return this.requests.query(GetHotTopics.type, request.headers, {
      ...defined({ to: text(params, 'to'), days: number(params, 'days'), limit: number(params, 'limit') }),
    });
  }

  @Doc(queryDoc('GetSurges'))
  @Allow('supervisor', 'center', 'leader', 'city-admin', 'district-admin')
  @Get('surges')
  surges(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const { text, number } = queryValues;
    return this.requests.query(GetSurges.type, request.headers, {
      ...defined({
        at: text(params, 'at'),
        hours: number(params, 'hours'),
        k: number(params, 'k'),
        weeks: number(params, 'weeks'),
        minCount: number(params, 'minCount'),
      }),
    });
  }

  @Doc(queryDoc('GetDailyDigest'))
  @Allow('leader', 'center', 'supervisor', 'city-admin', 'district-admin')
  @Get('digest')
  digest(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests.query(
      GetDailyDigest.type,
      request.headers,
      defined({ date: queryValues.text(params, 'date') }),
    );
  }

  @Doc(queryDoc('GetUnitScorecards', { omit: ['weights'] }))
  @Allow(...SCOPED_READERS)
  @Get('scorecards')
  scorecards(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests.query(GetUnitScorecards.type, request.headers, this.scorecardParams(params));
  }

  @Doc({
    ...queryDoc('GetUnitScorecards', { omit: ['weights'] }),
    summary: 'Unit scorecards as a file: `format` xlsx, csv or pdf.',
    responses: FILE_RESPONSES,
  })
  @Allow(...SCOPED_READERS)
  @Get('scorecards/export')
  async exportScorecards(
    @Req() request: IncomingMessage,
    @Query() params: QueryParams,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const format = this.format(params);
    const answer = (await this.requests.query(
      GetUnitScorecards.type,
      request.headers,
      this.scorecardParams(params),
    )) as ScorecardAnswer;
    const title = `承办单位考核排名（${answer.from} 至 ${answer.to}）`;
    const table = scorecardTable(answer);
    await this.send(response, format, `unit-scorecards-${answer.from}-${answer.to}`, title, table, () => ({
      title,
      footer: '12345政务服务便民热线',
      landscape: true,
      blocks: [
        { kind: 'title', text: title },
        { kind: 'table', ...table },
      ],
    }));
  }

  @Doc({
    summary: "A case's printed document: `transfer-form` (转办单) or `reply-letter` (答复函), as PDF.",
    params: { caseId: z.string(), kind: z.enum(['transfer-form', 'reply-letter']) },
    responses: { 200: { description: 'The PDF', mediaType: 'application/pdf' } },
  })
  @Allow(
    'agent',
    'supervisor',
    'center',
    'leader',
    'city-admin',
    'district-admin',
    'unit-leader',
    'unit-handler',
  )
  @Get('case-documents/:caseId/:kind')
  async caseDocument(
    @Req() request: IncomingMessage,
    @Param('caseId') caseId: string,
    @Param('kind') kind: string,
    @Res() response: ServerResponse,
  ): Promise<void> {
    // The case first: a malformed id is named as such, whatever the document asked for.
    if (!CaseId.safeParse(caseId).success) throw new ValidationError('caseId', 'must be a case id');
    if (kind !== 'transfer-form' && kind !== 'reply-letter') {
      throw new ValidationError('kind', 'must be transfer-form or reply-letter');
    }
    const view = (await this.workflow.query(GetCase.type, request.headers, { caseId })) as CaseDetailView;
    const units = await this.unitNames(request);
    const unitName = (id: string | undefined): string => (id ? (units.get(id) ?? id) : '');
    const spec =
      kind === 'transfer-form' ? transferFormPdf(view, unitName, new Date()) : replyLetterPdf(view, unitName);
    downloadHeaders(response, 'application/pdf', `${kind}-${view.caseNumber}.pdf`);
    await writePdf(response, spec);
  }

  private kpiParams(params: QueryParams): Record<string, unknown> {
    return {
      ...rangeParams(params),
      ...defined({
        groupBy: queryValues.text(params, 'groupBy'),
        compare: queryValues.boolean(params, 'compare'),
      }),
    };
  }

  private scorecardParams(params: QueryParams): Record<string, unknown> {
    const { text } = queryValues;
    return defined({
      from: text(params, 'from'),
      to: text(params, 'to'),
      districtId: text(params, 'districtId'),
    });
  }

  private format(params: QueryParams): Format {
    const format = queryValues.text(params, 'format') ?? 'xlsx';
    if (!(FORMATS as readonly string[]).includes(format))
      throw new ValidationError('format', 'must be xlsx, csv or pdf');
    return format as Format;
  }

  /** Unit names for a breakdown by unit (other groups are shown by their keys). */
  private async names(request: IncomingMessage, groupBy: string | null): Promise<(key: string) => string> {
    if (groupBy !== 'unit') return (key) => (key === '-' ? '热线中心' : key);
    const units = await this.unitNames(request);
    return (key) => (key === '-' ? '热线中心' : (units.get(key) ?? key));
  }

  private async send(
    response: ServerResponse,
    format: Format,
    name: string,
    title: string,
    table: DocumentTable,
    pdf: () => PdfDocumentSpec,
  ): Promise<void> {
    switch (format) {
      case 'csv':
        downloadHeaders(response, 'text/csv; charset=utf-8', `${name}.csv`);
        await writeCsv(response, table);
        return;
      case 'xlsx':
        downloadHeaders(response, XLSX_MEDIA_TYPE, `${name}.xlsx`);
        await writeXlsx(response, [{ name: '报表', title, ...table }]);
        return;
      case 'pdf':
        downloadHeaders(response, 'application/pdf', `${name}.pdf`);
        await writePdf(response, pdf());
        return;
      default: {
        const unknown: never = format;
        throw new ValidationError('format', `unknown format ${String(unknown)}`);
      }
    }
  }
}
