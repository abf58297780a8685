import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { Registry } from 'prom-client';
import { METRICS_REGISTRY } from './health.tokens';
import { ReadinessRegistry, type ReadinessReport } from './readiness.registry';

interface StatusSettable {
  status(code: number): unknown;
}

/** Probes and metrics: `/health/live`, `/health/ready`, `/metrics`. */
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessRegistry,
    @Inject(METRICS_REGISTRY) private readonly metrics: Registry,
  ) {}

  /** The process is up and its event loop answers; nothing else is checked, so a restart cures a 503 only. */
  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) response: StatusSettable): Promise<ReadinessReport> {
    const report = await this.readiness.run();
    response.status(report.status === 'ok' ? 200 : 503);
    return report;
  }

  @Get('metrics')
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  metricsText(): Promise<string> {
    return this.metrics.metrics();
  }
}
