import type { KnowledgeArticleContent, KnowledgeReviewStatus } from '@hotline/contracts';

/** A knowledge article folded from its stream `kbArticle-<articleId>`. */
export interface KnowledgeArticleState {
  articleId?: string;
  exists: boolean;
  retired: boolean;
  latestVersion: number;
  latestStatus?: KnowledgeReviewStatus;
  /** The approved version served to agents and citizens. */
  servedVersion?: number;
  /** Every version's content, for the served one and for review screens. */
  versions: Readonly<Record<number, KnowledgeArticleContent>>;
}

export const initialKnowledgeArticleState = (): KnowledgeArticleState => ({
  exists: false,
  retired: false,
  latestVersion: 0,
  versions: {},
});

/** The content served now, if any version was approved and the article is not retired. */
export const servedContent = (state: KnowledgeArticleState): KnowledgeArticleContent | undefined =>
  state.retired || state.servedVersion === undefined ? undefined : state.versions[state.servedVersion];
