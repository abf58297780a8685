import { Module, type DynamicModule } from '@nestjs/common';
import {
  CategoryTaxonomy,
  districtPlaceName,
  GetContactCenterReport,
  GetDailyDigest,
  GetHotTopics,
  GetKpiReport,
  GetKpiTargets,
  GetReportCases,
  GetSurges,
  GetUnitScorecards,
  SAMPLE_CATEGORIES,
  SetKpiTargets,
} from '@hotline/contracts';
import { BusRequests, busEndpoints, commandEndpoint, queryEndpoint } from '@hotline/infra/bus';
import { loadConfig, type Env } from '@hotline/infra/config';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { commandMetrics } from '@hotline/infra/telemetry';
import { DailyDigestService } from './digest/daily-digest.service';
import { DigestMailer } from './digest/digest-mailer';
import { REPORTING_UNITS } from './counters/collections';
import { ReportingReadModels } from './reporting-read-models';
import { reportingConfigSchema, type ReportingConfig } from './reporting.config';
import { KpiReportService } from './reports/kpi-report.service';
import { ScorecardsService } from './scorecards/scorecards.service';
import { HotTopicsService } from './topics/hot-topics.service';
import { parseKpiTargets } from './kpis/kpi-targets';
import { SurgeAlerts } from './topics/surge-alerts';
import { StoreKpiTargetsSource } from './kpi-targets/kpi-targets-source';
import { KpiTargetsService } from './kpi-targets/kpi-targets.service';

export interface ReportingModuleOptions {
  config?: ReportingConfig;
  env?: Env;
}

/** Reporting: counters projected from every service's events, and the reports read from them. */
@Module({})
export class ReportingModule {
  static register(platform: Platform, options: ReportingModuleOptions = {}): DynamicModule {
    const config = options.config ?? loadConfig(reportingConfigSchema, options.env, 'reporting');
    const { readStore: store, clock, logger, metrics } = platform;
    const readModels = new ReportingReadModels(
      {
        store,
        source: () => platform.projectionSource(),
        registry: metrics,
        logger,
        batchSize: config.REPORTING_CATCH_UP_BATCH,
      },
      platform.readiness,
    );
    const taxonomy = new CategoryTaxonomy(SAMPLE_CATEGORIES);
    const now = () => clock.now();
    // REPORTING_KPI_TARGETS is in force until the center first sets the targets on screen.
    const targetsSource = new StoreKpiTargetsSource(
      platform.eventStore,
      parseKpiTargets(config.REPORTING_KPI_TARGETS),
    );
    const kpiTargets = new KpiTargetsService({
      store: platform.eventStore,
      clock,
      logger,
      metrics: commandMetrics(metrics),
      source: targetsSource,
    });
    const reports = new KpiReportService(store, targetsSource);
    const topics = new HotTopicsService(store, now, (code) => taxonomy.get(code)?.name ?? code);
    const digest = new DailyDigestService(store, topics, now);
    const scorecards = new ScorecardsService(store);
    const addresses = (list: string) =>
      list
        .split(',')
        .map((address) => address.trim())
        .filter(Boolean);
    const requests = new BusRequests(platform.client());
    const categoryName = (code: string) => taxonomy.get(code)?.name ?? code;
    const surgeAlerts = new SurgeAlerts({
      topics,
      requests,
      events: platform.eventStore,
      to: addresses(config.REPORTING_SURGE_MAIL_TO),
      minCount: config.REPORTING_SURGE_MIN_COUNT,
      checkEveryMs: config.REPORTING_SURGE_CHECK_MS,
      name: (surge) => (surge.kind === 'category' ? categoryName(surge.key) : surge.key),
      districtName: async (districtId) => {
        const [unit] = await store.collection(REPORTING_UNITS).find<{ name: string }>({ _id: districtId });
        return districtPlaceName(unit?.name ?? districtId);
      },
      now,
      logger,
    });
    const mailer = new DigestMailer({
      digests: digest,
      requests,
      to: addresses(config.REPORTING_DIGEST_MAIL_TO),
      hour: config.REPORTING_DIGEST_HOUR,
      now: () => clock.now(),
      categoryName,
      logger,
    });
    return {
      module: ReportingModule,
      controllers: [
        busEndpoints('Reporting', [
          queryEndpoint(GetKpiReport, (query) => reports.kpiReport(query)),
          queryEndpoint(GetKpiTargets, () => kpiTargets.targets()),
          commandEndpoint(SetKpiTargets, (command) => kpiTargets.execute(command)),
          queryEndpoint(GetReportCases, (query) => reports.cases(query)),
          queryEndpoint(GetContactCenterReport, (query) => reports.contactCenter(query)),
          queryEndpoint(GetHotTopics, (query) => topics.hotTopics(query)),
          // The same threshold as the alerts unless asked otherwise: the wallboard shows what was alerted.
          queryEndpoint(GetSurges, (query) =>
            topics.surges({ ...query, minCount: query.minCount ?? config.REPORTING_SURGE_MIN_COUNT }),
          ),
          queryEndpoint(GetDailyDigest, (query) => digest.digest(query)),
          queryEndpoint(GetUnitScorecards, (query) => scorecards.scorecards(query)),
        ]),
      ],
      providers: [
        { provide: ReportingReadModels, useValue: readModels },
        { provide: DigestMailer, useValue: mailer },
        { provide: SurgeAlerts, useValue: surgeAlerts },
      ],
    };
  }
}

/** The reporting service with these options (tests). */
export const createReportingService = (options: ReportingModuleOptions = {}): ServiceDefinition => ({
  name: 'reporting',
  module: (platform) => ReportingModule.register(platform, options),
});

/** The reporting service as the embedded runner and its own process mount it. */
export const reportingService: ServiceDefinition = createReportingService();
