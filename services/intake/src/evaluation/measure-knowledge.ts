import { KnowledgeSearchIndex } from '../knowledge/knowledge-search-index';
import type { SeedArticle } from '../knowledge/seed/seed-article';
import { KnowledgeArticleContent, parseOrThrow } from '@hotline/contracts';
import type { KnowledgeQuery } from './knowledge.eval-set';

export interface KnowledgeQuality {
  queries: number;
  /** Share of queries whose expected article is first. */
  top1: number;
  /** Share of queries whose expected article is among the first three (the side panel shows three). */
  top3: number;
  /** Mean reciprocal rank over the first ten. */
  mrr: number;
  misses: Array<{ query: string; expected: string; got: string[] }>;
}

const NOW = new Date('2025-06-02T02:00:00.000Z');

/** Indexes the articles, runs every query, and reports where the expected article ranked. */
export function measureKnowledge(
  articles: readonly SeedArticle[],
  set: readonly KnowledgeQuery[],
): KnowledgeQuality {
  const index = new KnowledgeSearchIndex();
  for (const article of articles)
    index.upsert(article.articleId, 1, parseOrThrow(KnowledgeArticleContent, article.content));
  const ranks = set.map((item) => {
    const got = index.search(item.query, { now: NOW, limit: 10 }).map((hit) => hit.articleId);
    return { item, got, rank: got.indexOf(item.expected) + 1 };
  });
  const share = (test: (rank: number) => boolean) => ranks.filter((r) => test(r.rank)).length / set.length;
  return {
    queries: set.length,
    top1: share((rank) => rank === 1),
    top3: share((rank) => rank >= 1 && rank <= 3),
    mrr: ranks.reduce((sum, r) => sum + (r.rank > 0 ? 1 / r.rank : 0), 0) / set.length,
    misses: ranks
      .filter((r) => r.rank !== 1)
      .map((r) => ({ query: r.item.query, expected: r.item.expected, got: r.got.slice(0, 3) })),
  };
}
