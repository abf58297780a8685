import { z } from 'zod';
import { ClientId } from '../kernel/ids';
import { CategoryCode, IsoDateTime } from '../workflow/case.values';

export const KnowledgeTitle = z.string().trim().min(1).max(200);
export const KnowledgeBody = z.string().trim().min(1).max(20_000);
export const KnowledgeTag = z.string().trim().min(1).max(40);

/** The content of one version of a knowledge article (知识库条目). */
export const KnowledgeArticleContent = z
  .object({
    title: KnowledgeTitle,
    body: KnowledgeBody,
    categoryCode: CategoryCode.optional(),
    tags: z.array(KnowledgeTag).max(30).default([]),
    /** The handling unit that answers for the article's correctness. */
    owningUnitId: ClientId,
    /** The article applies from this instant (a policy's effective date); default: at once. */
    validFrom: IsoDateTime.optional(),
    /** The article no longer applies after this instant (a policy that expires). */
    validUntil: IsoDateTime.optional(),
  })
  .refine(
    (a) =>
      a.validFrom === undefined ||
      a.validUntil === undefined ||
      Date.parse(a.validFrom) < Date.parse(a.validUntil),
    { message: 'must be after validFrom', path: ['validUntil'] },
  );
export type KnowledgeArticleContent = z.infer<typeof KnowledgeArticleContent>;

/** Where a version stands in review: drafts are not served until the center approves them. */
export const KnowledgeReviewStatus = z.enum(['in-review', 'approved', 'rejected', 'retired']);
export type KnowledgeReviewStatus = z.infer<typeof KnowledgeReviewStatus>;

export const KnowledgeReviewDecision = z.enum(['approve', 'reject']);
export type KnowledgeReviewDecision = z.infer<typeof KnowledgeReviewDecision>;

export const ArticleVersion = z.number().int().min(1).max(100_000);
