import { RuleViolation } from '@hotline/contracts';

export enum KnowledgeArticleError {
  AlreadyExists = 'KB_ARTICLE_ALREADY_EXISTS',
  NotFound = 'KB_ARTICLE_NOT_FOUND',
  Retired = 'KB_ARTICLE_RETIRED',
  StaleVersion = 'KB_ARTICLE_STALE_VERSION',
  NotInReview = 'KB_ARTICLE_NOT_IN_REVIEW',
  RoleNotAllowed = 'KB_ARTICLE_ROLE_NOT_ALLOWED',
}

export class KnowledgeArticleRuleViolation extends RuleViolation<KnowledgeArticleError> {}
