export { HealthModule, type HealthModuleOptions } from './health.module';
export { HealthController } from './health.controller';
export {
  ReadinessRegistry,
  type ReadinessCheck,
  type ReadinessReport,
  type CheckReport,
} from './readiness.registry';
export { HttpTracingMiddleware } from './http-tracing.middleware';
export {
  onShutdown,
  type ShutdownStep,
  type ShutdownOptions,
  type ShutdownHandle,
} from './graceful-shutdown';
export { METRICS_REGISTRY, HEALTH_LOGGER } from './health.tokens';
