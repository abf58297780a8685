import { z } from 'zod';
import { defineCommand, defineEvent } from '../messages/define';
import { Note } from '../workflow/case.values';
import { INTAKE_SERVICE, KB_ARTICLE_CATEGORY, KnowledgeArticleId } from './intake.values';
import { ArticleVersion, KnowledgeArticleContent, KnowledgeReviewDecision } from './knowledge-article.values';

const withArticle = { articleId: KnowledgeArticleId };

export const DraftKnowledgeArticle = defineCommand({
  type: 'DraftKnowledgeArticle',
  service: INTAKE_SERVICE,
  summary: 'Write a new knowledge article; version 1 waits for review.',
  schema: z.object({ ...withArticle, content: KnowledgeArticleContent }),
});

export const ReviseKnowledgeArticle = defineCommand({
  type: 'ReviseKnowledgeArticle',
  service: INTAKE_SERVICE,
  summary: 'Write a new version of an article; the approved version stays served until this one is approved.',
  schema: z.object({ ...withArticle, baseVersion: ArticleVersion, content: KnowledgeArticleContent }),
});

export const ReviewKnowledgeArticle = defineCommand({
  type: 'ReviewKnowledgeArticle',
  service: INTAKE_SERVICE,
  summary: 'The center approves (publishes) or rejects the version in review.',
  schema: z
    .object({
      ...withArticle,
      version: ArticleVersion,
      decision: KnowledgeReviewDecision,
      note: Note.optional(),
    })
    .refine((r) => r.decision === 'approve' || r.note !== undefined, {
      message: 'a rejection needs a note',
      path: ['note'],
    }),
});

export const RetireKnowledgeArticle = defineCommand({
  type: 'RetireKnowledgeArticle',
  service: INTAKE_SERVICE,
  summary: 'Withdraw an article from search (the policy changed or lapsed).',
  schema: z.object({ ...withArticle, reason: Note }),
});

const versionedContent = z.object({
  ...withArticle,
  version: ArticleVersion,
  content: KnowledgeArticleContent,
});

export const KnowledgeArticleDrafted = defineEvent({
  type: 'KnowledgeArticleDrafted',
  version: 1,
  category: KB_ARTICLE_CATEGORY,
  summary: 'A knowledge article was written; version 1 is in review.',
  schema: versionedContent,
});

export const KnowledgeArticleRevised = defineEvent({
  type: 'KnowledgeArticleRevised',
  version: 1,
  category: KB_ARTICLE_CATEGORY,
  summary: 'A new version of the article was written and is in review.',
  schema: versionedContent,
});

export const KnowledgeArticleApproved = defineEvent({
  type: 'KnowledgeArticleApproved',
  version: 1,
  category: KB_ARTICLE_CATEGORY,
  summary: 'The version was approved: it is the one served from now on.',
  schema: z.object({ ...withArticle, version: ArticleVersion, note: Note.optional() }),
});

export const KnowledgeArticleRejected = defineEvent({
  type: 'KnowledgeArticleRejected',
  version: 1,
  category: KB_ARTICLE_CATEGORY,
  summary: 'The version in review was rejected, with the reviewer’s note.',
  schema: z.object({ ...withArticle, version: ArticleVersion, note: Note }),
});

export const KnowledgeArticleRetired = defineEvent({
  type: 'KnowledgeArticleRetired',
  version: 1,
  category: KB_ARTICLE_CATEGORY,
  summary: 'The article was withdrawn from search.',
  schema: z.object({ ...withArticle, reason: Note }),
});
