import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import { RuleViolation } from '@hotline/contracts';
import { initTelemetry, type Telemetry } from './init-telemetry';
import { activeTraceIds, injectTraceHeaders, withExtractedContext } from './trace-context';
import { withSpan } from './with-span';

const REMOTE_TRACE = '0af7651916cd43dd8448eb211c80319c';
const REMOTE_PARENT = `00-${REMOTE_TRACE}-b7ad6b7169203331-01`;

describe('initTelemetry with the memory exporter', () => {
  let telemetry: Telemetry;
  beforeAll(() => {
    telemetry = initTelemetry({ serviceName: 'telemetry-spec', exporter: 'memory' });
  });
  afterAll(() => telemetry.shutdown());
  beforeEach(() => telemetry.memoryExporter?.reset());

  const spans = () => telemetry.memoryExporter?.getFinishedSpans() ?? [];

  it('records a span with its attributes and kind', async () => {
    const result = await withSpan('do work', { 'work.id': 'w1' }, () => 42, SpanKind.CONSUMER);
    expect(result).toBe(42);
    expect(spans()).toHaveLength(1);
    expect(spans()[0]).toMatchObject({
      name: 'do work',
      kind: SpanKind.CONSUMER,
      attributes: { 'work.id': 'w1' },
    });
    expect(spans()[0]?.resource.attributes['service.name']).toBe('telemetry-spec');
  });

  it('records a thrown error on the span and rethrows it', async () => {
    await expect(
      withSpan('fails', {}, () => Promise.reject(new RuleViolation('CASE_CLOSED', 'the case is closed'))),
    ).rejects.toThrow('the case is closed');
    const span = spans()[0];
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'the case is closed' });
    expect(span?.attributes).toMatchObject({
      'hotline.error.kind': 'rule',
      'hotline.error.code': 'CASE_CLOSED',
    });
    expect(span?.events.map((e) => e.name)).toEqual(['exception']);
    // A refusal is an answer, not a fault: no stack (formatting one costs more than the refusal).
    expect(span?.events[0]?.attributes).toMatchObject({ 'exception.type': 'CASE_CLOSED' });
    expect(span?.events[0]?.attributes).not.toHaveProperty('exception.stacktrace');
  });

  it('records the stack of a fault', async () => {
    await expect(withSpan('breaks', {}, () => Promise.reject(new Error('disk full')))).rejects.toThrow();
    expect(spans()[0]?.events[0]?.attributes).toMatchObject({
      'exception.message': 'disk full',
      'exception.stacktrace': expect.stringContaining('disk full'),
    });
  });

  it('nests spans through awaits (AsyncLocalStorage context)', async () => {
    await withSpan('outer', {}, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      await withSpan('inner', {}, () => undefined);
    });
    const [inner, outer] = spans();
    expect(inner?.parentSpanContext?.spanId).toBe(outer?.spanContext().spanId);
    expect(inner?.spanContext().traceId).toBe(outer?.spanContext().traceId);
  });

  it('injects the active span as traceparent and nothing outside a span', async () => {
    expect(injectTraceHeaders()).toEqual({});
    const headers = await withSpan('hop', {}, (span) => {
      const ids = span.spanContext();
      expect(activeTraceIds()).toEqual({ trace_id: ids.traceId, span_id: ids.spanId });
      return injectTraceHeaders();
    });
    const hop = spans()[0]?.spanContext();
    expect(headers.traceparent).toBe(`00-${hop?.traceId}-${hop?.spanId}-01`);
  });

  it('continues a remote trace from extracted headers, tracestate included', async () => {
    const headers = await withExtractedContext(REMOTE_PARENT, 'vendor=abc', () =>
      withSpan('handler', {}, () => injectTraceHeaders()),
    );
    const span = spans()[0];
    expect(span?.spanContext().traceId).toBe(REMOTE_TRACE);
    expect(span?.parentSpanContext?.spanId).toBe('b7ad6b7169203331');
    expect(headers.tracestate).toBe('vendor=abc');
  });

  it('ignores a malformed traceparent and starts a new trace', async () => {
    await withExtractedContext('garbage', undefined, () => withSpan('handler', {}, () => undefined));
    const span = spans()[0];
    expect(span?.spanContext().traceId).not.toBe(REMOTE_TRACE);
    expect(span?.parentSpanContext).toBeUndefined();
  });

  it('shares one provider when called again in the same process', async () => {
    const second = initTelemetry({ serviceName: 'another-service', exporter: 'none' });
    expect(second.memoryExporter).toBe(telemetry.memoryExporter);
    await second.shutdown();
    // The first handle still holds the provider, so spans are still recorded.
    await withSpan('after second shutdown', {}, () => undefined);
    expect(spans().map((s) => s.name)).toEqual(['after second shutdown']);
  });
});

describe('initTelemetry lifecycle', () => {
  it('stops recording once the last handle shuts down, and can start again', async () => {
    const first = initTelemetry({ serviceName: 'lifecycle', exporter: 'memory' });
    await first.shutdown();
    expect(trace.getSpan(context.active())).toBeUndefined();
    const again = initTelemetry({ serviceName: 'lifecycle', exporter: 'memory' });
    expect(again.memoryExporter).not.toBe(first.memoryExporter);
    await withSpan('fresh', {}, () => undefined);
    expect(again.memoryExporter?.getFinishedSpans().map((s) => s.name)).toEqual(['fresh']);
    await again.shutdown();
  });

  it('rejects the otlp exporter without an endpoint', () => {
    expect(() => initTelemetry({ serviceName: 'x', exporter: 'otlp' })).toThrow('otlpEndpoint: is required');
  });
});
