// A service process for graceful-shutdown.int-spec.ts: it starts, prints its URL, and on SIGTERM
// reports each shutdown step on stdout, so the test can watch a real signal being handled.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthModule } from '../health.module';
import { onShutdown } from '../graceful-shutdown';
import { ReadinessRegistry } from '../readiness.registry';

@Module({ imports: [HealthModule.register()] })
class FixtureModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(FixtureModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  const readiness = app.get(ReadinessRegistry);
  onShutdown(app, [
    { name: 'drain consumers', run: () => void console.log(`step drain draining=${readiness.draining}`) },
    { name: 'close stores', run: () => void console.log('step close') },
  ]);
  console.log(`listening ${await app.getUrl()}`);
}

void main();
