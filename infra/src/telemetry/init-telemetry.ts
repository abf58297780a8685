import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  InMemorySpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ValidationError } from '@hotline/contracts';

export type TraceExporterKind = 'otlp' | 'memory' | 'none';

export interface TelemetryOptions {
  serviceName: string;
  /** Default: `otlp` when `otlpEndpoint` is set, else `none` (spans still get ids for logs and headers). */
  exporter?: TraceExporterKind;
  /** OTLP/HTTP base URL, e.g. http://collector:4318; traces go to `<url>/v1/traces`. */
  otlpEndpoint?: string;
}

export interface Telemetry {
  tracer: Tracer;
  /** Present when the process's provider exports to memory: tests read finished spans from it. */
  memoryExporter?: InMemorySpanExporter;
  /** Releases this handle; the provider flushes and stops when the last handle is released. */
  shutdown(): Promise<void>;
}

interface ProcessTelemetry {
  provider: NodeTracerProvider;
  memoryExporter?: InMemorySpanExporter;
  handles: number;
}

/**
 * One provider per process: in embedded mode every service calls `initTelemetry`, and the first call
 * decides the exporter and the resource's service name; later calls share it (a test that installs
 * the memory exporter before starting the platform sees every span).
 */
let installed: ProcessTelemetry | undefined;

const spanProcessorFor = (
  options: TelemetryOptions,
): { processors: SpanProcessor[]; memoryExporter?: InMemorySpanExporter } => {
  const kind = options.exporter ?? (options.otlpEndpoint ? 'otlp' : 'none');
  switch (kind) {
    case 'none':
      return { processors: [] };
    case 'memory': {
      const memoryExporter = new InMemorySpanExporter();
      return { processors: [new SimpleSpanProcessor(memoryExporter)], memoryExporter };
    }
    case 'otlp': {
      if (!options.otlpEndpoint)
        throw new ValidationError('otlpEndpoint', 'is required when the exporter is otlp');
      const url = `${options.otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
      return { processors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))] };
    }
    default: {
      const unknown: never = kind;
      throw new ValidationError('exporter', `must be otlp, memory or none, not ${String(unknown)}`);
    }
  }
};

export function initTelemetry(options: TelemetryOptions): Telemetry {
  if (typeof options.serviceName !== 'string' || options.serviceName === '') {
    throw new ValidationError('serviceName', 'must be a non-empty string');
  }
  if (!installed) {
    const { processors, memoryExporter } = spanProcessorFor(options);
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
      spanProcessors: processors,
    });
    // The default context manager of NodeTracerProvider is AsyncLocalStorage-based.
    provider.register({ propagator: new W3CTraceContextPropagator() });
    installed = { provider, handles: 0, ...(memoryExporter ? { memoryExporter } : {}) };
  }
  const current = installed;
  current.handles += 1;
  let released = false;
  return {
    tracer: trace.getTracer(options.serviceName),
    ...(current.memoryExporter ? { memoryExporter: current.memoryExporter } : {}),
    shutdown: async () => {
      if (released) return;
      released = true;
      current.handles -= 1;
      if (current.handles > 0) return;
      if (installed === current) installed = undefined;
      await current.provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
