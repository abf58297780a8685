import type { z } from 'zod';
import type { KnowledgeArticleContent } from '@hotline/contracts';

/** A demo article: its id and the content of version 1, approved when the demo is seeded. */
export interface SeedArticle {
  articleId: string;
  content: z.input<typeof KnowledgeArticleContent>;
}
