import { hostname } from 'node:os';
import { type DynamicModule, Module } from '@nestjs/common';
import { loadConfig, type Env } from '@hotline/infra/config';
import type { Platform, ServiceDefinition } from '@hotline/infra/platform';
import { busEndpoints } from '@hotline/infra/bus';
import { reactorProvider } from '@hotline/infra/reactor';
import { commandMetrics } from '@hotline/infra/telemetry';
import { caseEndpoints } from './case/case.endpoints';
import { citySettingsEndpoints } from './city-settings/city-settings.endpoints';
import { publicRecordEndpoints } from './public-record/public-record.endpoints';
import { unitEndpoints } from './unit/unit.endpoints';
import { CaseCommandService } from './case/commands/case-command.service';
import { mergeLinker } from './case/commands/merge-linker';
import { repeatContactRecorder } from './case/commands/repeat-contact-recorder';
import { CaseNumberAllocator } from './case/case-number/case-number-allocator';
import { CaseNumberReservations } from './case/case-number/case-number-reservations';
import { StoreCitySettingsSource } from './city-settings/city-settings-source';
import { CitySettingsService } from './city-settings/city-settings.service';
import { CaseQueryService, type WorkflowQueryDeps } from './case/queries/case-query.service';
import { AuditTrailService } from './case/queries/audit-trail.service';
import { CitizenLookupService } from './case/queries/citizen-lookup.service';
import { PublicRecordService } from './public-record/public-record.service';
import { InboxQueryService } from './case/queries/inbox-query.service';
import { ReadModelsLifecycle } from './read-models/read-models.lifecycle';
import {
  RESERVATIONS_PROJECTION,
  UNITS_PROJECTION,
  WorkflowReadModels,
} from './read-models/workflow-read-models';
import { readModelUnitDirectory } from './unit/read-model-unit-directory';
import { seedSampleCity } from './unit/sample-city-seed';
import { FederationBridges } from './federation/federation-bridges';
import { federationConfigSchema } from './federation/federation.config';
import { UnitCommandService } from './unit/unit-command.service';
import type { UnitDirectorySource } from './unit/unit-directory-source';
import { UnitQueryService } from './unit/unit-query.service';
import { workflowConfigSchema } from './workflow.config';
import { workflowSettingsFromConfig, type WorkflowSettings } from './workflow-settings';

export interface WorkflowModuleOptions {
  /** Default: read from `env` (the process environment) through `workflowConfigSchema`. */
  settings?: WorkflowSettings;
  env?: Env;
  /** Default: the units read model. */
  units?: UnitDirectorySource;
  /** Seed the sample city into an empty store at start. Default true. */
  seedSampleCity?: boolean;
}

/** The case workflow: case, unit and catalogue commands and queries on the bus, its projections. */
@Module({})
export class WorkflowModule {
  static register(platform: Platform, options: WorkflowModuleOptions = {}): DynamicModule {
    const settings =
      options.settings ??
      workflowSettingsFromConfig(loadConfig(workflowConfigSchema, options.env, 'workflow'));
    const { eventStore: store, readStore, clock, logger, metrics } = platform;
    const readModels = new WorkflowReadModels({
      store: readStore,
      source: () => platform.projectionSource(),
      registry: metrics,
      logger,
    });
    const units =
      options.units ?? readModelUnitDirectory(readStore, () => readModels.checkpoint(UNITS_PROJECTION));
    const handlerDeps = { store, clock, logger, metrics: commandMetrics(metrics) };
    const caseNumbers = new CaseNumberAllocator({
      store,
      clock,
      claimedBy: `${hostname()}:${process.pid}`,
      format: settings.caseNumbers,
    });
    const citySettings = new StoreCitySettingsSource(store, settings);
    const reservations = new CaseNumberReservations({
      ...handlerDeps,
      caseNumbers,
      waitFor: (position) =>
        readModels.waitFor(position, settings.readAfterWriteTimeoutMs, [RESERVATIONS_PROJECTION]),
    });
    const caseCommands = new CaseCommandService({
      ...handlerDeps,
      settings,
      units,
      caseNumbers,
      reservations,
      citySettings,
    });
    const unitCommands = new UnitCommandService({ ...handlerDeps, citySettings });
    const queryDeps: WorkflowQueryDeps = { store: readStore, readModels, units, settings, clock };
    const seed = options.seedSampleCity ?? true;
    const citySettingsService = new CitySettingsService({ ...handlerDeps, settings, citySettings });
    const caseQueries = new CaseQueryService(queryDeps);
    const inboxQueries = new InboxQueryService(queryDeps);
    const citizenLookup = new CitizenLookupService({ store: readStore, settings });
    const publicRecord = new PublicRecordService({
      store: readStore,
      waitFor: (position) => readModels.waitFor(position, settings.readAfterWriteTimeoutMs),
    });
    const unitQueries = new UnitQueryService({ store: readStore, units, readModels, settings });
    return {
      module: WorkflowModule,
      controllers: [
        busEndpoints('Workflow', [
          ...caseEndpoints({
            commands: caseCommands,
            cases: caseQueries,
            inboxes: inboxQueries,
            citizens: citizenLookup,
            audit: new AuditTrailService(queryDeps),
            reservations,
          }),
          ...unitEndpoints({ commands: unitCommands, queries: unitQueries }),
          ...citySettingsEndpoints(citySettingsService),
          ...publicRecordEndpoints(publicRecord),
        ]),
      ],
      providers: [
        {
          provide: CaseCommandService,
          useValue: caseCommands,
        },
        reactorProvider(platform.eventBus, mergeLinker(caseCommands), logger),
        reactorProvider(platform.eventBus, repeatContactRecorder(caseCommands), logger),
        { provide: UnitCommandService, useValue: unitCommands },
        {
          provide: FederationBridges,
          useFactory: () =>
            new FederationBridges(
              platform,
              loadConfig(federationConfigSchema, options.env, 'workflow').WORKFLOW_FEDERATION_DISTRICTS,
            ),
        },
        { provide: CaseQueryService, useValue: caseQueries },
        {
          provide: ReadModelsLifecycle,
          useValue: new ReadModelsLifecycle(readModels, platform.readiness, store, () =>
            seed ? seedSampleCity(unitCommands, store) : Promise.resolve(),
          ),
        },
      ],
    };
  }
}

export const workflowService: ServiceDefinition = {
  name: 'workflow',
  module: (platform) => WorkflowModule.register(platform),
};
