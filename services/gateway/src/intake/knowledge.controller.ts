import type { IncomingMessage } from 'node:http';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import {
  BlockCaller,
  ListKnowledgeArticles,
  CheckCaller,
  DraftKnowledgeArticle,
  GetKnowledgeArticle,
  NotFoundError,
  RetireKnowledgeArticle,
  ReviewKnowledgeArticle,
  ReviseKnowledgeArticle,
  SearchKnowledge,
  UnblockCaller,
  type KnowledgeArticleListItem,
} from '@hotline/contracts';
import { BUS_CLIENT } from '../bus-client.token';
import { minPosition, queryValues, type QueryParams } from '../cases/case-query-params';
import { IntakeRequests, PORTAL_VIEWER } from './intake-requests';
import { renamingField } from '../validation/http-field';
import { Doc, DocTag } from '../openapi/doc.decorator';
import { actionVariants, commandDoc, queryDoc } from '../openapi/doc-helpers';
import { ANY_ROLE, Allow, Public } from '../auth/allow.decorator';

/** Who writes articles: the hotline's staff, and the handling units for their own unit (the decider checks). */
const WRITERS = ['agent', 'supervisor', 'center', 'unit-handler', 'unit-leader'] as const;

/** An approved article as the portal's FAQ shows it: its question, answer and tags, nothing internal. */
interface FaqEntry {
  articleId: string;
  title: string;
  body: string;
  tags: string[];
}

/** The center's decisions on an article (a revision is the writers' own route). */
export const ARTICLE_ACTIONS: Readonly<Record<string, string>> = {
  review: ReviewKnowledgeArticle.type,
  retire: RetireKnowledgeArticle.type,
};

const searchParams = (params: QueryParams): Record<string, unknown> => {
  const values = {
    query: queryValues.text(params, 'q'),
    categoryCode: queryValues.text(params, 'categoryCode'),
    limit: queryValues.number(params, 'limit'),
    ...minPosition(params),
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
};

/** The knowledge base (agents' side panel, the portal's self-service) and the caller blocklist. */
@DocTag('knowledge')
@Controller('api')
export class KnowledgeController {
  private readonly requests: IntakeRequests;

  constructor(@Inject(BUS_CLIENT) bus: ClientProxy) {
    this.requests = new IntakeRequests(bus);
  }

  @Doc(queryDoc('SearchKnowledge', { rename: { query: 'q' } }))
  @Allow(...ANY_ROLE)
  @Get('knowledge/search')
  search(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests
      .query(SearchKnowledge.type, request.headers, searchParams(params))
      .catch(renamingField('query', 'q'));
  }

  /** Self-service answers for citizens on the portal: approved, valid articles only, no account. */
  @Doc(queryDoc('SearchKnowledge', { rename: { query: 'q' } }))
  @Public()
  @Get('portal/knowledge/search')
  portalSearch(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    return this.requests
      .query(SearchKnowledge.type, request.headers, searchParams(params), PORTAL_VIEWER)
      .catch(renamingField('query', 'q'));
  }

  @Doc(queryDoc('ListKnowledgeArticles'))
  @Allow(...WRITERS)
  @Get('knowledge')
  list(@Req() request: IncomingMessage, @Query() params: QueryParams): Promise<unknown> {
    const values = {
      status: queryValues.text(params, 'status'),
      served: queryValues.boolean(params, 'served'),
      limit: queryValues.number(params, 'limit'),
      ...minPosition(params),
    };
    return this.requests.query(
      ListKnowledgeArticles.type,
      request.headers,
      Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)),
    );
  }

  /** The portal's frequently asked questions before the citizen searches: articles served now. */
  @Doc({
    summary: 'The portal FAQ: knowledge articles served now (approved, within their validity), no account.',
    responses: { 200: { description: '`{ entries: [{ articleId, title, body, tags }] }`, newest first.' } },
  })
  @Public()
  @Get('portal/knowledge/faq')
  async faq(@Req() request: IncomingMessage): Promise<{ entries: FaqEntry[] }> {
    const answer = (await this.requests.query(
      ListKnowledgeArticles.type,
      request.headers,
      { status: 'approved', served: true, limit: 8 },
      PORTAL_VIEWER,
    )) as { articles: KnowledgeArticleListItem[] };
    return {
      entries: answer.articles.map(({ articleId, latest }) => ({
        articleId,
        title: latest.title,
        body: latest.body,
        tags: latest.tags,
      })),
    };
  }

  @Doc(queryDoc('GetKnowledgeArticle', { path: ['articleId'] }))
  @Allow(...ANY_ROLE)
  @Get('knowledge/:articleId')
  article(
    @Req() request: IncomingMessage,
    @Param('articleId') articleId: string,
    @Query() params: QueryParams,
  ): Promise<unknown> {
    return this.requests.query(GetKnowledgeArticle.type, request.headers, {
      articleId,
      ...minPosition(params),
    });
  }

  @Doc(commandDoc('DraftKnowledgeArticle'))
  @Allow(...WRITERS)
  @Post('knowledge')
  @HttpCode(201)
  draft(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(DraftKnowledgeArticle.type, request.headers, body);
  }

  /** A new version: the center's edit, or a unit's proposal sent back and written again. */
  @Doc(commandDoc('ReviseKnowledgeArticle', ['articleId']))
  @Allow(...WRITERS)
  @Post('knowledge/:articleId/revise')
  @HttpCode(200)
  revise(
    @Req() request: IncomingMessage,
    @Param('articleId') articleId: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    return this.requests.command(ReviseKnowledgeArticle.type, request.headers, body, { articleId });
  }

  @Doc(actionVariants(ARTICLE_ACTIONS, ['articleId']))
  @Allow('center')
  @Post('knowledge/:articleId/:action')
  @HttpCode(200)
  act(
    @Req() request: IncomingMessage,
    @Param('articleId') articleId: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ): Promise<unknown> {
    const type = ARTICLE_ACTIONS[action];
    if (!type) throw new NotFoundError('knowledge article action', action);
    return this.requests.command(type, request.headers, body, { articleId });
  }

  @Doc(commandDoc('BlockCaller'))
  @Allow('center')
  @Post('blocklist')
  @HttpCode(201)
  block(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(BlockCaller.type, request.headers, body);
  }

  /** The phone number is in the body, never in the path (access logs). */
  @Doc(commandDoc('UnblockCaller'))
  @Allow('center')
  @Post('blocklist/unblock')
  @HttpCode(200)
  unblock(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    return this.requests.command(UnblockCaller.type, request.headers, body);
  }

  /** Whether a number is blocked: a question sent by POST, so the number stays out of the path. */
  @Doc(queryDoc('CheckCaller', { body: true }))
  @Allow('agent', 'supervisor', 'center')
  @Post('blocklist/lookup')
  @HttpCode(200)
  check(@Req() request: IncomingMessage, @Body() body: unknown): Promise<unknown> {
    const values = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : { body };
    return this.requests.query(CheckCaller.type, request.headers, values as Record<string, unknown>);
  }
}
