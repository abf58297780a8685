export { ReportsPage } from './reports-page';
export { DigestPage } from './digest-page';
