export {
  initTelemetry,
  type Telemetry,
  type TelemetryOptions,
  type TraceExporterKind,
} from './init-telemetry';
export {
  injectTraceHeaders,
  extractTraceContext,
  withExtractedContext,
  activeTraceIds,
  type TraceHeaders,
} from './trace-context';
export { withSpan, recordError, TRACER_NAME } from './with-span';
export { createLogger, REDACTED_KEYS, type Logger, type LoggerOptions, type LogLevel } from './create-logger';
export { createMetrics, counter, gauge, histogram, commandMetrics, type CommandMetrics } from './metrics';
