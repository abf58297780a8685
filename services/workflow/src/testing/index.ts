// What tests outside the workflow (the platform-wide end-to-end tests in e2e/) use of it.
export {
  isolatedDistributedEnv,
  startDistributedWorkflow,
  type IsolatedDistributedEnv,
  type DistributedWorkflow,
} from './distributed-workflow';
export { privateNats } from '@hotline/infra/bus/testing';
// The case search's filter, measured on its own by bench/workflow-search.ts.
export { dueSoonUntil } from '../case/queries/case-colour-filters';
export { caseSearchFilter, type SearchCasesQuery } from '../case/queries/case-search-filter';
