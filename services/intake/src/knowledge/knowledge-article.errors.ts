import { RuleViolation } from '@hotline/contracts';

export enum KnowledgeArticleError {
  AlreadyExists = 'KB_ARTICLE_ALREADY_EXISTS',
  NotFound = 'KB_ARTICLE_NOT_FOUND',
  Retired = 'KB_ARTICLE_RETIRED',
  StaleVersion = 'KB_ARTICLE_STALE_VERSION',
  NotInReview = 'KB_ARTICLE_NOT_IN_REVIEW',
  RoleNotAllowed = 'KB_ARTICLE_ROLE_NOT_ALLOWED',
  NotOwnUnit = 'KB_ARTICLE_NOT_OWN_UNIT',
}

/** The status rule (docs/api.md): a refused role is 403, an unknown target 404, any other rule 422. */
export class KnowledgeArticleRuleViolation extends RuleViolation<KnowledgeArticleError> {
  static override readonly kinds = {
    [KnowledgeArticleError.RoleNotAllowed]: 'forbidden',
    [KnowledgeArticleError.NotOwnUnit]: 'forbidden',
    [KnowledgeArticleError.NotFound]: 'not-found',
  } as const;
}
