import { HOUSEHOLD_REGISTRATION_ARTICLES } from './household-registration.articles';
import { HOUSING_FUND_ARTICLES } from './housing-fund.articles';
import type { SeedArticle } from './seed-article';
import { SOCIAL_SECURITY_ARTICLES } from './social-security.articles';
import { TRAFFIC_ARTICLES } from './traffic.articles';
import { UTILITIES_ARTICLES } from './utilities.articles';

/** The demo knowledge base: social security, housing fund, household registration, utilities, traffic. */
export const SEED_ARTICLES: readonly SeedArticle[] = [
  ...SOCIAL_SECURITY_ARTICLES,
  ...HOUSING_FUND_ARTICLES,
  ...HOUSEHOLD_REGISTRATION_ARTICLES,
  ...UTILITIES_ARTICLES,
  ...TRAFFIC_ARTICLES,
];

export type { SeedArticle } from './seed-article';
