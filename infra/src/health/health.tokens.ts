/** Injection tokens of the health module. */
export const METRICS_REGISTRY = Symbol('hotline.metrics-registry');
export const HEALTH_LOGGER = Symbol('hotline.health-logger');
