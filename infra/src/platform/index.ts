export { Platform, systemClock } from './platform';
export { platformConfigSchema, type PlatformConfig } from './platform-config.schema';
