import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DraftKnowledgeArticle,
  GetKnowledgeArticle,
  INTAKE_SERVICE,
  NotFoundError,
  RetireKnowledgeArticle,
  ReviewKnowledgeArticle,
  ReviseKnowledgeArticle,
  SearchKnowledge,
  commandSubject,
  parseOrThrow,
  querySubject,
  type Clock,
  type CommandDefinition,
  type KnowledgeArticleView,
  type KnowledgeHit,
} from '@hotline/contracts';
import type { CommandHandlerDeps, CommandResult } from '@hotline/infra/command';
import { handleAggregateCommand } from '../aggregate-command';
import { knowledgeArticleDecider } from './knowledge-article.decider';
import { knowledgeArticleStreamId } from './knowledge-article.stream';
import { KnowledgeIndexFollower } from './knowledge-index-follower';
import { INTAKE_COMMAND_DEPS } from '../intake-tokens';

/** The knowledge base on the bus: writing and reviewing articles, searching the served ones. */
@Controller()
export class KnowledgeController {
  constructor(
    @Inject(INTAKE_COMMAND_DEPS) private readonly deps: CommandHandlerDeps,
    private readonly index: KnowledgeIndexFollower,
  ) {}

  @MessagePattern(commandSubject(INTAKE_SERVICE, DraftKnowledgeArticle.type))
  draft(@Payload() payload: unknown): Promise<CommandResult> {
    return this.execute(DraftKnowledgeArticle, payload);
  }

  @MessagePattern(commandSubject(INTAKE_SERVICE, ReviseKnowledgeArticle.type))
  revise(@Payload() payload: unknown): Promise<CommandResult> {
    return this.execute(ReviseKnowledgeArticle, payload);
  }

  @MessagePattern(commandSubject(INTAKE_SERVICE, ReviewKnowledgeArticle.type))
  review(@Payload() payload: unknown): Promise<CommandResult> {
    return this.execute(ReviewKnowledgeArticle, payload);
  }

  @MessagePattern(commandSubject(INTAKE_SERVICE, RetireKnowledgeArticle.type))
  retire(@Payload() payload: unknown): Promise<CommandResult> {
    return this.execute(RetireKnowledgeArticle, payload);
  }

  @MessagePattern(querySubject(INTAKE_SERVICE, SearchKnowledge.type))
  async search(@Payload() payload: unknown): Promise<{ hits: KnowledgeHit[] }> {
    const query = parseOrThrow(SearchKnowledge.schema, payload);
    await this.index.waitFor(query.minPosition);
    const clock: Clock = this.deps.clock;
    return {
      hits: this.index.search(query.query, {
        now: clock.now(),
        limit: query.limit,
        ...(query.categoryCode ? { categoryCode: query.categoryCode } : {}),
      }),
    };
  }

  @MessagePattern(querySubject(INTAKE_SERVICE, GetKnowledgeArticle.type))
  async article(@Payload() payload: unknown): Promise<KnowledgeArticleView> {
    const query = parseOrThrow(GetKnowledgeArticle.schema, payload);
    await this.index.waitFor(query.minPosition);
    const article = this.index.article(query.articleId);
    if (!article) throw new NotFoundError('knowledge article', query.articleId);
    return article;
  }

  private execute(definition: CommandDefinition, payload: unknown): Promise<CommandResult> {
    return handleAggregateCommand(
      this.deps,
      definition,
      payload,
      knowledgeArticleDecider,
      knowledgeArticleStreamId,
    );
  }
}
