export { ReportsPage } from './reports-page';
export { DigestPage } from './digest-page';
export { UnitReportPage } from './unit-report-page';
