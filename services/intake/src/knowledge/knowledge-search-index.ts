import type { KnowledgeArticleContent, KnowledgeHit } from '@hotline/contracts';
import { countTerms, searchTerms } from '../text/char-ngrams';

/** BM25's usual constants: term-frequency saturation and length normalisation. */
const K1 = 1.2;
const B = 0.75;
/** A title or tag word tells more about an article than a body word. */
const FIELD_WEIGHTS = { title: 3, tags: 2, body: 1 } as const;
/** Single characters match too much on their own; bigrams carry most of the meaning. */
const UNIGRAM_WEIGHT = 0.3;
/** Question words that say nothing of the topic. */
const QUERY_NOISE = new Set([
  '请问',
  '问一',
  '一下',
  '怎么',
  '如何',
  '什么',
  '哪些',
  '哪里',
  '可以',
  '需要',
  '我想',
  '想问',
  '想了',
  '了解',
  '办理',
  '的',
  '了',
  '吗',
  '呢',
  '我',
  '是',
  '在',
  '要',
  '有',
  '么',
  '怎',
  '请',
  '问',
  '想',
]);

interface IndexedArticle {
  articleId: string;
  version: number;
  content: KnowledgeArticleContent;
  length: number;
  terms: Map<string, number>;
}

const excerptOf = (body: string): string => {
  const flat = body.replace(/\s+/g, ' ').trim();
  return [...flat].length <= 80 ? flat : `${[...flat].slice(0, 80).join('')}…`;
};

/**
 * Full-text search over the served knowledge articles, in memory: character unigrams and bigrams
 * (no segmentation model, no native addon), fields weighted, ranked by BM25. Rebuilt from the
 * article events at start; a few thousand articles take a few megabytes.
 */
export class KnowledgeSearchIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly postings = new Map<string, Map<string, number>>();
  private totalLength = 0;

  get size(): number {
    return this.articles.size;
  }

  /** Indexes (or re-indexes) the served version of an article. */
  upsert(articleId: string, version: number, content: KnowledgeArticleContent): void {
    this.remove(articleId);
    const weighted = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const [term, count] of countTerms(searchTerms(text))) {
        weighted.set(term, (weighted.get(term) ?? 0) + count * weight);
      }
    };
    add(content.title, FIELD_WEIGHTS.title);
    add(content.tags.join(' '), FIELD_WEIGHTS.tags);
    add(content.body, FIELD_WEIGHTS.body);
    let length = 0;
    for (const [term, tf] of weighted) {
      length += tf;
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = new Map<string, number>()));
      posting.set(articleId, tf);
    }
    this.articles.set(articleId, { articleId, version, content, length, terms: weighted });
    this.totalLength += length;
  }

  remove(articleId: string): void {
    const existing = this.articles.get(articleId);
    if (!existing) return;
    for (const term of existing.terms.keys()) {
      const posting = this.postings.get(term);
      posting?.delete(articleId);
      if (posting?.size === 0) this.postings.delete(term);
    }
    this.totalLength -= existing.length;
    this.articles.delete(articleId);
  }

  /**
   * The best articles for a query, valid at `now`, optionally within a category (a level-1 or
   * level-2 code matches its sub-categories).
   */
  search(query: string, options: { now: Date; limit: number; categoryCode?: string }): KnowledgeHit[] {
    const queryTerms = [...new Set(searchTerms(query))].filter((t) => !QUERY_NOISE.has(t));
    if (queryTerms.length === 0 || this.articles.size === 0) return [];
    const n = this.articles.size;
    const averageLength = this.totalLength / n;
    const scores = new Map<string, number>();
    for (const term of queryTerms) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.size + 0.5) / (posting.size + 0.5));
      const termWeight = [...term].length === 1 ? UNIGRAM_WEIGHT : 1;
      for (const [articleId, tf] of posting) {
        const length = this.articles.get(articleId)?.length ?? averageLength;
        const saturated = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * length) / averageLength));
        scores.set(articleId, (scores.get(articleId) ?? 0) + termWeight * idf * saturated);
      }
    }
    const prefix = options.categoryCode?.replace(/(00)+$/, '');
    return [...scores]
      .map(([articleId, score]) => ({ article: this.articles.get(articleId) as IndexedArticle, score }))
      .filter(({ article }) => isValidAt(article.content, options.now))
      .filter(
        ({ article }) => prefix === undefined || (article.content.categoryCode ?? '').startsWith(prefix),
      )
      .sort((a, b) => b.score - a.score || a.article.articleId.localeCompare(b.article.articleId))
      .slice(0, options.limit)
      .map(({ article, score }) => ({
        articleId: article.articleId,
        version: article.version,
        title: article.content.title,
        excerpt: excerptOf(article.content.body),
        ...(article.content.categoryCode ? { categoryCode: article.content.categoryCode } : {}),
        tags: article.content.tags,
        score: Math.round(score * 1000) / 1000,
      }));
  }
}

function isValidAt(content: KnowledgeArticleContent, now: Date): boolean {
  const t = now.getTime();
  if (content.validFrom !== undefined && Date.parse(content.validFrom) > t) return false;
  return content.validUntil === undefined || Date.parse(content.validUntil) > t;
}
