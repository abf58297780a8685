import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  isSpanContextValid,
  trace,
  type Context,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** The W3C headers that carry a trace across a hop (NATS headers, event metadata, HTTP). */
export interface TraceHeaders {
  traceparent?: string;
  tracestate?: string;
}

// Used directly rather than through the global propagator, so the helpers behave the same whether
// or not `initTelemetry` ran in this process.
const w3c = new W3CTraceContextPropagator();

export function injectTraceHeaders(from: Context = context.active()): TraceHeaders {
  const carrier: Record<string, string> = {};
  w3c.inject(from, carrier, defaultTextMapSetter);
  return {
    ...(carrier.traceparent ? { traceparent: carrier.traceparent } : {}),
    ...(carrier.tracestate ? { tracestate: carrier.tracestate } : {}),
  };
}

/** The context whose parent is the remote span named by the headers; `base` when they name none. */
export function extractTraceContext(headers: TraceHeaders, base: Context = context.active()): Context {
  if (!headers.traceparent) return base;
  return w3c.extract(base, headers, defaultTextMapGetter);
}

/** Runs `fn` with the remote span as parent of the spans it starts; a missing or malformed header changes nothing. */
export function withExtractedContext<T>(
  traceparent: string | undefined,
  tracestate: string | undefined,
  fn: () => T,
): T {
  if (!traceparent) return fn();
  return context.with(extractTraceContext({ traceparent, ...(tracestate ? { tracestate } : {}) }), fn);
}

/** Ids of the active span in the shape log lines use, or undefined outside any span. */
export function activeTraceIds(
  from: Context = context.active(),
): { trace_id: string; span_id: string } | undefined {
  const spanContext = trace.getSpanContext(from);
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}
