import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { z } from 'zod';
import {
  GetReportCases,
  REPORT_CASES_PAGE_MAX,
  REPORTING_SERVICE,
  ValidationError,
} from '@hotline/contracts';
import { writeCsv, writeXlsx, type DocumentRow } from '@hotline/infra/documents';
import { actorFromRequest } from '../actor-from-request';
import { Allow } from '../auth/allow.decorator';
import { SCOPED_READERS } from '../auth/reader-roles';
import { defined, queryValues, type QueryParams } from '../cases/case-query-params';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { queryDoc } from '../openapi/doc-helpers';
import { downloadHeaders, ServiceController, XLSX_MEDIA_TYPE } from '../service-controller';
import { CASE_LIST_COLUMNS, caseListRow, type ReportCasesPage } from './case-list-table';
import { EXPORT_JOBS } from './export-jobs.token';
import { ExportJobs } from './export-jobs';
import { exportPlan } from './export-plan';
import { REPORT_EXPORT_CONFIG, type ReportExportConfig } from './report-export.config';

const FORMATS = { xlsx: XLSX_MEDIA_TYPE, csv: 'text/csv; charset=utf-8' } as const;
type Format = keyof typeof FORMATS;
const JOB_ID = z.string().regex(/^exp-[0-9a-f]{32}$/);

/**
 * The case list behind a report (the drill-down's cases) as xlsx or CSV: streamed page by page up to
 * the row limit, as a background job beyond it (a job id to poll, the file to download when done),
 * refused beyond the job limit.
 */
@DocTag('reports')
@Controller('api/reports')
export class CaseExportController extends ServiceController(REPORTING_SERVICE) {
  @Inject(EXPORT_JOBS) private readonly jobs!: ExportJobs;
  @Inject(REPORT_EXPORT_CONFIG) private readonly config!: ReportExportConfig;

  @Doc({
    ...queryDoc('GetReportCases', { omit: ['limit', 'after', 'withTotal'] }),
    summary:
      'The case list as a file (`format` xlsx or csv), streamed up to the row limit; beyond it 202 with an export job to poll; beyond the job limit 400 naming the limit.',
    responses: {
      200: {
        description: 'The case list as xlsx or CSV (UTF-8 with BOM)',
        mediaType: 'application/octet-stream',
      },
      202: { description: 'An export job: `jobId`, `status`, `total`, `written`' },
    },
  })
  @Allow(...SCOPED_READERS)
  @Get('cases/export')
  async exportCases(
    @Req() request: IncomingMessage,
    @Query() params: QueryParams,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const format = queryValues.text(params, 'format') ?? 'xlsx';
    if (!(format in FORMATS)) throw new ValidationError('format', 'must be xlsx or csv');
    const query = this.listParams(params);
    // The signed-in identity is kept against this very object: a background job keeps it, not a copy.
    const headers = request.headers;
    const first = (await this.requests.query(GetReportCases.type, headers, {
      ...query,
      limit: 1,
      withTotal: true,
    })) as ReportCasesPage;
    const total = first.total ?? 0;
    const name = `工单明细-${String(query.from)}至${String(query.to)}.${format}`;
    const write = async (out: Writable, progress: (written: number) => void = () => undefined) => {
      const rows = this.rows(headers, query, progress);
      if (format === 'csv') await writeCsv(out, { columns: CASE_LIST_COLUMNS, rows });
      else await writeXlsx(out, [{ name: '工单明细', columns: CASE_LIST_COLUMNS, rows }]);
    };
    if (exportPlan(total, this.config) === 'stream') {
      downloadHeaders(response, FORMATS[format as Format], name);
      await write(response);
      return;
    }
    const job = await this.jobs.start({
      owner: actorFromRequest(headers).actor.id,
      request: { query, format, viewer: actorFromRequest(headers) },
      total,
      fileName: name,
      mediaType: FORMATS[format as Format],
      write,
    });
    response.statusCode = 202;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify(job));
  }

  @Doc({
    summary: "An export job's progress: `status` running, done or failed, `total` and `written` rows.",
    params: { jobId: JOB_ID },
  })
  @Allow(...SCOPED_READERS)
  @Get('export-jobs/:jobId')
  job(@Req() request: IncomingMessage, @Param('jobId') jobId: string): Promise<unknown> {
    return this.jobs.status(this.jobId(jobId), actorFromRequest(request.headers).actor.id);
  }

  @Doc({
    summary: "A finished export job's file; 409 while it is still running.",
    params: { jobId: JOB_ID },
    responses: { 200: { description: 'The file', mediaType: 'application/octet-stream' } },
  })
  @Allow(...SCOPED_READERS)
  @Get('export-jobs/:jobId/file')
  async jobFile(
    @Req() request: IncomingMessage,
    @Param('jobId') jobId: string,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const file = await this.jobs.file(this.jobId(jobId), actorFromRequest(request.headers).actor.id);
    downloadHeaders(response, file.mediaType, file.fileName);
    await pipeline(createReadStream(file.path), response);
  }

  private jobId(jobId: string): string {
    if (!ExportJobs.isJobId(jobId)) throw new ValidationError('jobId', 'must be an export job id');
    return jobId;
  }

  private listParams(params: QueryParams): Record<string, unknown> {
    const { text } = queryValues;
    return defined({
      from: text(params, 'from'),
      to: text(params, 'to'),
      districtId: text(params, 'districtId'),
      unitId: text(params, 'unitId'),
      categoryCode: text(params, 'categoryCode'),
      channel: text(params, 'channel'),
      type: text(params, 'type'),
      metric: text(params, 'metric'),
    });
  }

  /**
   * The rows, page after page by the list's cursor: the next page is asked for while this one is
   * written (distributed, the reporting service reads it meanwhile), so two pages at most are held.
   */
  private async *rows(
    headers: IncomingMessage['headers'],
    query: Record<string, unknown>,
    progress: (written: number) => void,
  ): AsyncIterable<DocumentRow> {
    const units = await this.unitNames({ headers });
    const unitName = (id: string) => units.get(id) ?? id;
    const page = (after: string | null) => {
      const asked = this.requests.query(GetReportCases.type, headers, {
        ...query,
        limit: REPORT_CASES_PAGE_MAX,
        ...(after ? { after } : {}),
      }) as Promise<ReportCasesPage>;
      // Awaited below; a failure while the rows before are still written must not go unhandled.
      asked.catch(() => undefined);
      return asked;
    };
    let written = 0;
    for (let next: Promise<ReportCasesPage> | undefined = page(null); next;) {
      const current: ReportCasesPage = await next;
      next = current.next ? page(current.next) : undefined;
      for (const fact of current.cases) {
        yield caseListRow(fact, unitName);
        written += 1;
      }
      progress(written);
    }
  }
}
