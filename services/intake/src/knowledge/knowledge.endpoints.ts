import {
  GetKnowledgeArticle,
  ListKnowledgeArticles,
  NotFoundError,
  SearchKnowledge,
  knowledgeArticleCommands,
} from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { knowledgeArticleAggregate } from './knowledge-article.aggregate';
import type { KnowledgeIndexFollower } from './knowledge-index-follower';
import { knowledgeListItem } from './knowledge-list';

/** The knowledge base on the bus: writing and reviewing articles, searching the served ones. */
export const knowledgeEndpoints = (deps: {
  commandDeps: CommandHandlerDeps;
  index: KnowledgeIndexFollower;
}): BusEndpoint[] => [
  ...knowledgeArticleCommands.map((definition) =>
    commandEndpoint(definition, (command) =>
      handleCommand(deps.commandDeps, {
        aggregate: knowledgeArticleAggregate,
        id: command.data.articleId,
        command,
      }),
    ),
  ),
  queryEndpoint(SearchKnowledge, async (query) => {
    await deps.index.waitFor(query.minPosition);
    return {
      hits: deps.index.search(query.query, {
        now: deps.commandDeps.clock.now(),
        limit: query.limit,
        ...(query.categoryCode ? { categoryCode: query.categoryCode } : {}),
      }),
    };
  }),
  queryEndpoint(ListKnowledgeArticles, async (query) => {
    await deps.index.waitFor(query.minPosition);
    // A unit user sees its own unit's proposals only; the hotline's staff see every article.
    const { actor } = query.viewer;
    const own = actor.role === 'unit' ? { owningUnitId: actor.unitId ?? '' } : {};
    const states = deps.index.list({
      limit: query.limit,
      ...own,
      ...(query.status ? { status: query.status } : {}),
      ...(query.served ? { servedAt: deps.commandDeps.clock.now() } : {}),
    });
    return {
      articles: await Promise.all(states.map((state) => knowledgeListItem(deps.commandDeps.store, state))),
    };
  }),
  queryEndpoint(GetKnowledgeArticle, async (query) => {
    await deps.index.waitFor(query.minPosition);
    const article = deps.index.article(query.articleId);
    if (!article) throw new NotFoundError('knowledge article', query.articleId);
    return article;
  }),
];
