import { join, resolve } from 'node:path';
import {
  type DynamicModule,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  RequestMethod,
} from '@nestjs/common';
import { loadConfig } from '@hotline/infra/config';
import { consoleConfigSchema } from './console.config';
import { ConsoleFiles } from './console-files';
import { ConsoleStaticMiddleware } from './console-static.middleware';

/** services/console/dist, built by `node scripts/build-console.mjs` (npm start builds it when missing). */
export const DEFAULT_CONSOLE_DIST = join(__dirname, '..', '..', '..', 'console', 'dist');

/** The web console's static files at `/` (with the SPA fallback), beside the API under `/api`. */
@Module({})
export class ConsoleStaticModule implements NestModule {
  static register(options: { distDir?: string } = {}): DynamicModule {
    const distDir =
      options.distDir ??
      loadConfig(consoleConfigSchema, undefined, 'gateway').HOTLINE_CONSOLE_DIR ??
      DEFAULT_CONSOLE_DIST;
    return {
      module: ConsoleStaticModule,
      providers: [
        { provide: ConsoleFiles, useValue: new ConsoleFiles(resolve(distDir)) },
        ConsoleStaticMiddleware,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(ConsoleStaticMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.GET });
  }
}
