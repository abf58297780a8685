import 'reflect-metadata';
import { Body, Controller, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { RuleViolation } from '@hotline/contracts';
import { HotlineErrorFilter } from '../command';
import {
  activeTraceIds,
  commandMetrics,
  createLogger,
  createMetrics,
  initTelemetry,
  type Telemetry,
} from '../telemetry';
import { HealthModule } from './health.module';
import { ReadinessRegistry } from './readiness.registry';

const REMOTE_TRACE = '0af7651916cd43dd8448eb211c80319c';
const REMOTE_SPAN = 'b7ad6b7169203331';

@Controller('probe')
class ProbeController {
  @Post('echo')
  echo(@Body() body: unknown): { body: unknown; ids: ReturnType<typeof activeTraceIds> } {
    return { body, ids: activeTraceIds() };
  }

  @Get('rule')
  rule(): never {
    throw new RuleViolation('CASE_CLOSED', 'the case is closed');
  }

  @Get('crash')
  crash(): never {
    throw new TypeError('secret internals: db at 10.0.0.5');
  }
}

describe('HealthModule over HTTP', () => {
  let telemetry: Telemetry;
  let app: INestApplication;
  let base: string;
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger({
    service: 'health-spec',
    destination: { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) },
  });
  const readiness = new ReadinessRegistry();
  const metrics = createMetrics('health-spec');
  let storeHealthy = true;

  beforeAll(async () => {
    telemetry = initTelemetry({ serviceName: 'health-spec', exporter: 'memory' });
    commandMetrics(metrics).total.inc({ type: 'OpenCase', outcome: 'ok' });
    @Module({
      imports: [
        HealthModule.register({
          readiness,
          metrics,
          logger,
          checks: [
            {
              name: 'event-store',
              check: () => {
                if (!storeHealthy) throw new Error('database is locked');
              },
            },
          ],
        }),
      ],
      controllers: [ProbeController],
    })
    class TestAppModule {}
    app = await NestFactory.create(TestAppModule, { logger: false });
    app.useGlobalFilters(new HotlineErrorFilter(logger));
    await app.listen(0, '127.0.0.1');
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app.close();
    await telemetry.shutdown();
  });
  beforeEach(() => {
    lines.length = 0;
    telemetry.memoryExporter?.reset();
  });

  it('answers live with 200', async () => {
    const response = await fetch(`${base}/health/live`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers ready with 200 and each check while every check passes', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { 'event-store': { status: 'ok' } } });
  });

  it('answers ready with 503 naming the failing check and its reason', async () => {
    storeHealthy = false;
    try {
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'failing',
        checks: { 'event-store': { status: 'failed', reason: 'database is locked' } },
      });
    } finally {
      storeHealthy = true;
    }
  });

  it('counts a check that hangs as failed after its timeout', async () => {
    const remove = readiness.register({
      name: 'nats',
      check: () => new Promise(() => undefined),
      timeoutMs: 50,
    });
    try {
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { checks: Record<string, unknown> }).checks.nats).toEqual({
        status: 'failed',
        reason: 'no answer within 50 ms',
      });
    } finally {
      remove();
    }
  });

  it('serves Prometheus text of the given registry', async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('hotline_commands_total{type="OpenCase",outcome="ok",service="health-spec"} 1');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('does not trace or log probes', async () => {
    await fetch(`${base}/health/live`);
    expect(telemetry.memoryExporter?.getFinishedSpans()).toHaveLength(0);
    expect(lines).toHaveLength(0);
  });

  it('continues the caller trace in a SERVER span that the handler runs in, and logs the request', async () => {
    const response = await fetch(`${base}/probe/echo?phone=13800000000`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', traceparent: `00-${REMOTE_TRACE}-${REMOTE_SPAN}-01` },
      body: JSON.stringify({ hello: 'world' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-trace-id')).toBe(REMOTE_TRACE);
    const { body, ids } = (await response.json()) as {
      body: unknown;
      ids: { trace_id: string; span_id: string };
    };
    expect(body).toEqual({ hello: 'world' });

    const [span] = telemetry.memoryExporter?.getFinishedSpans() ?? [];
    expect(span?.name).toBe('POST /probe/echo');
    expect(span?.kind).toBe(1); // SpanKind.SERVER
    expect(span?.parentSpanContext?.spanId).toBe(REMOTE_SPAN);
    expect(span?.attributes['http.response.status_code']).toBe(201);
    expect(ids).toEqual({ trace_id: REMOTE_TRACE, span_id: span?.spanContext().spanId });

    const requestLine = lines.find((l) => String(l.msg).startsWith('POST /probe/echo 201'));
    expect(requestLine).toMatchObject({ trace_id: REMOTE_TRACE, status: 201, path: '/probe/echo' });
    expect(JSON.stringify(lines)).not.toContain('13800000000');
  });

  it('starts a new trace when the caller sends none', async () => {
    const response = await fetch(`${base}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const traceId = response.headers.get('x-trace-id');
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceId).not.toBe(REMOTE_TRACE);
  });

  it('maps a domain error to its status and body without a stack', async () => {
    const response = await fetch(`${base}/probe/rule`);
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: { kind: 'rule', code: 'CASE_CLOSED', message: 'the case is closed' },
    });
  });

  it('answers an unexpected error with 500 internal, hiding it, and logs it with the trace id', async () => {
    const response = await fetch(`${base}/probe/crash`);
    const traceId = response.headers.get('x-trace-id');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('secret internals');
    expect(JSON.parse(text)).toEqual({
      error: { kind: 'internal', code: 'INTERNAL', message: 'internal error', details: { traceId } },
    });
    const logged = lines.find((l) => l.level === 'error');
    expect(logged).toMatchObject({ trace_id: traceId, url: '/probe/crash' });
    expect(JSON.stringify(logged)).toContain('secret internals');
  });

  it('answers unknown routes and malformed JSON with error bodies', async () => {
    const missing = await fetch(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { kind: 'not-found' } });
    const malformed = await fetch(`${base}/probe/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { kind: 'validation' } });
  });

  it('answers ready with 503 draining once shutdown has begun', async () => {
    readiness.markDraining();
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'draining', checks: {} });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });
});
