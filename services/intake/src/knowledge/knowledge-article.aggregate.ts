import { KB_ARTICLE_CATEGORY, knowledgeArticleCommands, knowledgeArticleEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { knowledgeArticleDecider } from './knowledge-article.decider';

/** A knowledge article (`kbArticle-<articleId>`): its versions and review. */
export const knowledgeArticleAggregate = defineAggregate({
  category: KB_ARTICLE_CATEGORY,
  decider: knowledgeArticleDecider,
  events: knowledgeArticleEvents,
  commands: knowledgeArticleCommands,
});
