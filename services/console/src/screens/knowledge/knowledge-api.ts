import type { KnowledgeArticleListItem, KnowledgeReviewStatus } from '@hotline/contracts';
import { apiGet, apiPost } from '../../api/http';

export type { KnowledgeArticleListItem, KnowledgeReviewStatus };

export const KNOWLEDGE_STATUSES = [
  'in-review',
  'approved',
  'rejected',
  'retired',
] as const satisfies readonly KnowledgeReviewStatus[];

/** What a writer fills in: the citizen's question, the answer, where it belongs. */
export interface ArticleDraft {
  title: string;
  body: string;
  categoryCode?: string;
  tags: string[];
}

const article = (id: string) => `/api/knowledge/${encodeURIComponent(id)}`;

export const listArticles = (status?: KnowledgeReviewStatus, minPosition?: number) =>
  apiGet<{ articles: KnowledgeArticleListItem[] }>('/api/knowledge', { status, minPosition }).then(
    (answer) => answer.articles,
  );

export const draftArticle = (
  commandId: string,
  articleId: string,
  owningUnitId: string,
  draft: ArticleDraft,
) =>
  apiPost<{ position: number }>('/api/knowledge', {
    commandId,
    articleId,
    content: { ...draft, owningUnitId },
  });

export const reviseArticle = (
  commandId: string,
  articleId: string,
  baseVersion: number,
  owningUnitId: string,
  draft: ArticleDraft,
) =>
  apiPost<{ position: number }>(`${article(articleId)}/revise`, {
    commandId,
    baseVersion,
    content: { ...draft, owningUnitId },
  });

export const reviewArticle = (
  commandId: string,
  articleId: string,
  version: number,
  decision: 'approve' | 'reject',
  note?: string,
) =>
  apiPost<{ position: number }>(`${article(articleId)}/review`, {
    commandId,
    version,
    decision,
    ...(note ? { note } : {}),
  });

export const retireArticle = (commandId: string, articleId: string, reason: string) =>
  apiPost<{ position: number }>(`${article(articleId)}/retire`, { commandId, reason });

/** The portal's FAQ: articles served now, without an account. */
export const faqEntries = () =>
  apiGet<{ entries: { articleId: string; title: string; body: string; tags: string[] }[] }>(
    '/api/portal/knowledge/faq',
  ).then((answer) => answer.entries);
