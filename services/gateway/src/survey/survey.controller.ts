import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { CITY_DISTRICT, SURVEY_SERVICE, type QueryViewer } from '@hotline/contracts';
import { defined, minPosition, queryValues, type QueryParams } from '../cases/case-query-params';
import { ServiceController } from '../service-controller';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { commandDoc, queryDoc } from '../openapi/doc-helpers';
import { Allow, Public } from '../auth/allow.decorator';

/** Who works the callback queue (回访): the desk's agents and supervisors, and the center. */
const DESK = ['agent', 'supervisor', 'center'] as const;
/** Who reads the queue and its outcomes; the service scopes each answer to the reader's district. */
const QUEUE_READERS = [...DESK, 'leader', 'city-admin', 'district-admin', 'auditor'] as const;
/** Who reads satisfaction (满意率); a unit user sees its own unit's. */
const SATISFACTION_READERS = [...QUEUE_READERS, 'unit-leader', 'unit-handler'] as const;

/** The citizen answering through the SMS link: no account, the signed token is the only credential. */
const SURVEY_LINK_CITIZEN: QueryViewer = {
  actor: { id: 'citizen:survey-link', role: 'citizen' },
  districtId: CITY_DISTRICT,
};

/**
 * Surveys (回访与满意度): the callback queue worked from the desk, satisfaction by unit, category,
 * district and period, the agents' post-call scores, and the citizen's phone survey page reached
 * through a signed SMS link.
 */
@DocTag('survey')
@Controller('api')
export class SurveyController extends ServiceController(SURVEY_SERVICE) {
  @Doc(queryDoc('ListCallbackTasks'))
  @Allow(...QUEUE_READERS)
  @Get('survey/callback-tasks')
  list(@Req() request: IncomingMessage, @Query() params: QueryParams) {
    const { text, list, number } = queryValues;
    return this.requests.query(
      'ListCallbackTasks',
      request.headers,
      defined({
        status: list(params, 'status'),
        method: text(params, 'method'),
        kind: text(params, 'kind'),
        dueBefore: text(params, 'dueBefore'),
        limit: number(params, 'limit'),
        offset: number(params, 'offset'),
        ...minPosition(params),
      }),
    );
  }

  @Doc(commandDoc('ScheduleCallbackTask'))
  @Allow('center')
  @Post('survey/callback-tasks')
  @HttpCode(200)
  schedule(@Req() request: IncomingMessage, @Body() body: unknown) {
    return this.requests.command('ScheduleCallbackTask', request.headers, body);
  }

  @Doc(queryDoc('GetCallbackTask', { path: ['taskId'] }))
  @Allow(...QUEUE_READERS)
  @Get('survey/callback-tasks/:taskId')
  task(@Req() request: IncomingMessage, @Param('taskId') taskId: string, @Query() params: QueryParams) {
    return this.requests.query('GetCallbackTask', request.headers, { taskId, ...minPosition(params) });
  }

  @Doc(commandDoc('AnswerCallbackTask', ['taskId']))
  @Allow(...DESK)
  @Post('survey/callback-tasks/:taskId/answer')
  @HttpCode(200)
  answer(@Req() request: IncomingMessage, @Param('taskId') taskId: string, @Body() body: unknown) {
    return this.requests.command('AnswerCallbackTask', request.headers, body, { taskId });
  }

  @Doc(commandDoc('RecordCallbackAttempt', ['taskId']))
  @Allow(...DESK)
  @Post('survey/callback-tasks/:taskId/attempts')
  @HttpCode(200)
  attempt(@Req() request: IncomingMessage, @Param('taskId') taskId: string, @Body() body: unknown) {
    return this.requests.command('RecordCallbackAttempt', request.headers, body, { taskId });
  }

  @Doc(commandDoc('MarkCallbackTaskUnreachable', ['taskId']))
  @Allow(...DESK)
  @Post('survey/callback-tasks/:taskId/unreachable')
  @HttpCode(200)
  unreachable(@Req() request: IncomingMessage, @Param('taskId') taskId: string, @Body() body: unknown) {
    return this.requests.command('MarkCallbackTaskUnreachable', request.headers, body, { taskId });
  }

  @Doc(commandDoc('JudgeCallbackFault', ['taskId']))
  @Allow('center')
  @Post('survey/callback-tasks/:taskId/fault')
  @HttpCode(200)
  judge(@Req() request: IncomingMessage, @Param('taskId') taskId: string, @Body() body: unknown) {
    return this.requests.command('JudgeCallbackFault', request.headers, body, { taskId });
  }

  @Doc(queryDoc('GetSatisfaction'))
  @Allow(...SATISFACTION_READERS)
  @Get('survey/satisfaction')
  satisfaction(@Req() request: IncomingMessage, @Query() params: QueryParams) {
    const { text } = queryValues;
    return this.requests.query(
      'GetSatisfaction',
      request.headers,
      defined({ by: text(params, 'by'), from: text(params, 'from'), to: text(params, 'to') }),
    );
  }

  @Doc(queryDoc('GetAgentSurveyScores'))
  @Allow(...QUEUE_READERS)
  @Get('survey/agent-scores')
  agentScores(@Req() request: IncomingMessage, @Query() params: QueryParams) {
    const { text } = queryValues;
    return this.requests.query(
      'GetAgentSurveyScores',
      request.headers,
      defined({
        period: text(params, 'period'),
        from: text(params, 'from'),
        to: text(params, 'to'),
        agentId: text(params, 'agentId'),
      }),
    );
  }

  @Doc(queryDoc('GetCallbackSurveyPage', { path: ['token'] }))
  @Public()
  @Get('public/surveys/:token')
  page(@Req() request: IncomingMessage, @Param('token') token: string) {
    return this.requests.publicQuery('GetCallbackSurveyPage', request.headers, { token });
  }

  @Doc(
    commandDoc('AnswerCallbackSurvey', ['token'], {
      description:
        'The citizen answers once through the signed link: a forged or expired link is refused (nothing is recorded); a repeat changes nothing.',
    }),
  )
  @Public()
  @Post('public/surveys/:token/answer')
  @HttpCode(200)
  answerByLink(@Req() request: IncomingMessage, @Param('token') token: string, @Body() body: unknown) {
    return this.requests.command(
      'AnswerCallbackSurvey',
      request.headers,
      body,
      { token },
      SURVEY_LINK_CITIZEN,
    );
  }
}
