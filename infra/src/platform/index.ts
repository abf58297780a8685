export { Platform, busTopologyOf, systemClock, type PlatformOptions } from './platform';
export { demoDataEnabled, platformConfigSchema, type PlatformConfig } from './platform-config.schema';
export { PLATFORM, platformModule, type ServiceDefinition } from './service-module';
export { startServices, type RunningServices } from './start-services';
export { runService, runServiceMain } from './run-service';
export { serviceCatalog, catalogOrder, type CatalogedService } from './service-catalog';
