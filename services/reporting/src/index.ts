export {
  ReportingModule,
  reportingService,
  createReportingService,
  type ReportingModuleOptions,
} from './reporting.module';
export { reportingConfigSchema, type ReportingConfig } from './reporting.config';
export { ReportingReadModels } from './reporting-read-models';
export { caseCountersProjection } from './counters/case-counters.projection';
export { contactCountersProjection } from './counters/contact-counters.projection';
export { CASE_RULES } from './counters/case-rules';
export { caseKpis } from './kpis/case-kpis';
export { contactKpis } from './kpis/contact-kpis';
export { KpiReportService } from './reports/kpi-report.service';
export { HotTopicsService } from './topics/hot-topics.service';
export { SurgeAlerts } from './topics/surge-alerts';
export { DailyDigestService } from './digest/daily-digest.service';
export { DigestMailer } from './digest/digest-mailer';
export { digestNoticeId } from './digest/digest-mail';
