/** The stream of a knowledge article: `kbArticle-<articleId>` (stream category = event category). */
export const knowledgeArticleStreamId = (data: { articleId: string }): string =>
  `kbArticle-${data.articleId}`;
