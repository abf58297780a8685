import type { IncomingMessage, ServerResponse } from 'node:http';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { SURVEY_SERVICE } from '@hotline/contracts';
import { writePdf, writeXlsx } from '@hotline/infra/documents';
import { defined, minPosition, queryValues, type QueryParams } from '../cases/case-query-params';
import { downloadHeaders, ServiceController, XLSX_MEDIA_TYPE } from '../service-controller';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { Allow } from '../auth/allow.decorator';
import { pollReportPdf, pollResultsTable, type PollResultsView } from './poll-results-table';

/** Interviewers (访问员): the desk's agents and supervisors, and the center. */
const INTERVIEWERS = ['agent', 'supervisor', 'center'] as const;
/** Auditors (审核员) re-check interviews against their recordings. */
const AUDITORS = ['supervisor', 'center'] as const;
/** Who follows the rounds; the service scopes the call list to the reader's district. */
const READERS = [...INTERVIEWERS, 'leader', 'city-admin', 'district-admin', 'auditor'] as const;
const UNIT_USERS = ['unit-leader', 'unit-handler'] as const;

/**
 * Opinion polls (民主评议): rounds and their frames, the interviewers' call list, audits, the
 * results and ranking (with their Excel export), and the units' verification.
 */
@DocTag('survey')
@Controller('api/survey')
export class PollsController extends ServiceController(SURVEY_SERVICE) {
  @Doc(queryDoc('ListPollRounds'))
  @Allow(...READERS, ...UNIT_USERS)
  @Get('polls')
  rounds(@Req() request: IncomingMessage, @Query() params: QueryParams) {
    return this.requests.query('ListPollRounds', request.headers, minPosition(params));
  }

  @Doc(commandDoc('DefinePollRound'))
  @Allow('center')
  @Post('polls')
  @HttpCode(200)
  define(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.requests.command('DefinePollRound', request.headers, body);
  }

  @Doc(queryDoc('GetPollRound', { path: ['roundId'] }))
  @Allow(...READERS)
  @Get('polls/:roundId')
  round(@Req() request: IncomingMessage, @Param('roundId') roundId: string, @Query() params: QueryParams) {
    return this.requests.query('GetPollRound', request.headers, { roundId, ...minPosition(params) });
  }

  @Doc(commandDoc('ImportSamplingFrame', ['roundId']))
  @Allow('center')
  @Post('polls/:roundId/frames')
  @HttpCode(200)
  importFrame(@Req() request: IncomingMessage, @Param('roundId') roundId: string, @Body() body: unknown) {
    return this.requests.command('ImportSamplingFrame', request.headers, body, { roundId });
  }

  @Doc(commandDoc('DrawPollSample', ['roundId']))
  @Allow('center')
  @Post('polls/:roundId/sample')
  @HttpCode(200)
  draw(@Req() request: IncomingMessage, @Param('roundId') roundId: string, @Body() body: unknown) {
    return this.requests.command('DrawPollSample', request.headers, body, { roundId });
  }

  @Doc(commandDoc('PublishPollResults', ['roundId']))
  @Allow('center')
  @Post('polls/:roundId/publish')
  @HttpCode(200)
  publish(@Req() request: IncomingMessage, @Param('roundId') roundId: string, @Body() body: unknown) {
    return this.requests.command('PublishPollResults', request.headers, body, { roundId });
  }

  @Doc(queryDoc('ListPollInterviews', { path: ['roundId'] }))
  @Allow(...READERS)
  @Get('polls/:roundId/interviews')
  interviews(
    @Req() request: IncomingMessage,
    @Param('roundId') roundId: string,
    @Query() params: QueryParams,
  ) {
    const { list, number, boolean } = queryValues;
    return this.requests.query(
      'ListPollInterviews',
      request.headers,
      defined({
        roundId,
        status: list(params, 'status'),
        audit: boolean(params, 'audit'),
        mine: boolean(params, 'mine'),
        limit: number(params, 'limit'),
        offset: number(params, 'offset'),
        ...minPosition(params),
      }),
    );
  }

  @Doc(commandDoc('TakeNextPollInterview', ['roundId']))
  @Allow(...INTERVIEWERS)
  @Post('polls/:roundId/interviews/next')
  @HttpCode(200)
  takeNext(@Req() request: IncomingMessage, @Param('roundId') roundId: string, @Body() body: unknown) {
    return this.requests.command('TakeNextPollInterview', request.headers, body, { roundId });
  }

  @Doc(commandDoc('RecordPollInterview', ['interviewId']))
  @Allow(...INTERVIEWERS)
  @Post('poll-interviews/:interviewId/answer')
  @HttpCode(200)
  answer(@Req() request: IncomingMessage, @Param('interviewId') interviewId: string, @Body() body: unknown) {
    return this.requests.command('RecordPollInterview', request.headers, body, { interviewId });
  }

  @Doc(commandDoc('RecordPollInterviewFailure', ['interviewId']))
  @Allow(...INTERVIEWERS)
  @Post('poll-interviews/:interviewId/failure')
  @HttpCode(200)
  failure(@Req() request: IncomingMessage, @Param('interviewId') interviewId: string, @Body() body: unknown) {
    return this.requests.command('RecordPollInterviewFailure', request.headers, body, { interviewId });
  }

  @Doc(commandDoc('AuditPollInterview', ['interviewId']))
  @Allow(...AUDITORS)
  @Post('poll-interviews/:interviewId/audit')
  @HttpCode(200)
  audit(@Req() request: IncomingMessage, @Param('interviewId') interviewId: string, @Body() body: unknown) {
    return this.requests.command('AuditPollInterview', request.headers, body, { interviewId });
  }

  @Doc(queryDoc('GetPollResults', { path: ['roundId'] }))
  @Allow(...READERS, ...UNIT_USERS)
  @Get('polls/:roundId/results')
  results(@Req() request: IncomingMessage, @Param('roundId') roundId: string, @Query() params: QueryParams) {
    return this.requests.query('GetPollResults', request.headers, { roundId, ...minPosition(params) });
  }

  @Doc({
    ...queryDoc('GetPollResults', { path: ['roundId'] }),
    summary: 'The results and ranking (民主评议结果) as an xlsx file; a unit gets its own row.',
    responses: { 200: { description: 'The results as xlsx', mediaType: 'application/octet-stream' } },
  })
  @Allow(...READERS, ...UNIT_USERS)
  @Get('polls/:roundId/results/export')
  async exportResults(
    @Req() request: IncomingMessage,
    @Param('roundId') roundId: string,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const results = await this.resultsOf(request, roundId);
    downloadHeaders(response, XLSX_MEDIA_TYPE, `民主评议结果-${results.title}.xlsx`);
    await writeXlsx(response, [{ name: '评议结果', title: results.title, ...pollResultsTable(results) }]);
  }

  @Doc({
    ...queryDoc('GetPollResults', { path: ['roundId'] }),
    summary:
      'The results report (民主评议结果报告) as a PDF: how the index is made, the ranking, the verifications.',
    responses: { 200: { description: 'The report as PDF', mediaType: 'application/pdf' } },
  })
  @Allow(...READERS)
  @Get('polls/:roundId/results/report')
  async reportResults(
    @Req() request: IncomingMessage,
    @Param('roundId') roundId: string,
    @Res() response: ServerResponse,
  ): Promise<void> {
    const results = await this.resultsOf(request, roundId);
    downloadHeaders(response, 'application/pdf', `民主评议结果报告-${results.title}.pdf`);
    await writePdf(response, pollReportPdf(results, new Date()));
  }

  /** The round's results as the caller may see them (a unit user its own row), for a download. */
  private async resultsOf(request: IncomingMessage, roundId: string): Promise<PollResultsView> {
    return (await this.requests.query('GetPollResults', request.headers, { roundId })) as PollResultsView;
  }

  @Doc(commandDoc('VerifyPollResults', ['roundId', 'unitId']))
  @Allow(...UNIT_USERS)
  @Post('polls/:roundId/units/:unitId/verification')
  @HttpCode(200)
  verify(
    @Req() request: IncomingMessage,
    @Param('roundId') roundId: string,
    @Param('unitId') unitId: string,
    @Body() body: unknown,
  ) {
    return this.requests.command('VerifyPollResults', request.headers, body, { roundId, unitId });
  }

  @Doc(commandDoc('AnswerPollDispute', ['roundId', 'unitId']))
  @Allow('center')
  @Post('polls/:roundId/units/:unitId/dispute-reply')
  @HttpCode(200)
  answerDispute(
    @Req() request: IncomingMessage,
    @Param('roundId') roundId: string,
    @Param('unitId') unitId: string,
    @Body() body: unknown,
  ) {
    return this.requests.command('AnswerPollDispute', request.headers, body, { roundId, unitId });
  }

  @Doc(commandDoc('StartPollIvr', ['roundId']))
  @Allow('center')
  @Post('polls/:roundId/ivr/start')
  @HttpCode(200)
  startIvr(@Req() request: IncomingMessage, @Param('roundId') roundId: string, @Body() body: unknown) {
    return this.requests.command('StartPollIvr', request.headers, body, { roundId });
  }

  @Doc(commandDoc('PausePollIvr', ['roundId']))
  @Allow('center')
  @Post('polls/:roundId/ivr/pause')
  @HttpCode(200)
  pauseIvr(@Req() request: IncomingMessage, @Param('roundId') roundId: string, @Body() body: unknown) {
    return this.requests.command('PausePollIvr', request.headers, body, { roundId });
  }
}
