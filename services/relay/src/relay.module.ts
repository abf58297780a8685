import { type DynamicModule, Module } from '@nestjs/common';
import { HealthModule } from '@hotline/infra/health';
import type { Platform } from '@hotline/infra/platform';

/** The relay has no API of its own: health, readiness and metrics only. */
@Module({})
export class RelayModule {
  static register(platform: Platform): DynamicModule {
    return {
      module: RelayModule,
      imports: [
        HealthModule.register({
          readiness: platform.readiness,
          metrics: platform.metrics,
          logger: platform.logger,
        }),
      ],
    };
  }
}
