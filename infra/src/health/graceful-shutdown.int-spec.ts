import 'reflect-metadata';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HealthModule } from './health.module';
import { onShutdown } from './graceful-shutdown';
import { ReadinessRegistry } from './readiness.registry';

@Module({ imports: [HealthModule.register()] })
class ShutdownAppModule {}

const startApp = async (): Promise<{ app: INestApplication; base: string }> => {
  const app = await NestFactory.create(ShutdownAppModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, base: await app.getUrl() };
};

describe('onShutdown', () => {
  it('marks the service draining, closes the app, then runs the steps in order and exits 0', async () => {
    const { app, base } = await startApp();
    const readiness = app.get(ReadinessRegistry);
    const order: string[] = [];
    const exits: number[] = [];
    const handle = onShutdown(
      app,
      [
        { name: 'drain consumers', run: () => void order.push(`drain (draining=${readiness.draining})`) },
        { name: 'close stores', run: () => void order.push('close stores') },
      ],
      { exit: (code) => exits.push(code), delayMs: 1000, signals: [] },
    );
    const running = handle.shutdown('test');
    // Within the delay the app still answers, and tells load balancers to go away.
    const readyDuringDelay = (await fetch(`${base}/health/ready`)).status;
    expect(await running).toBe(0);

    expect(readyDuringDelay).toBe(503);
    expect(order).toEqual(['drain (draining=true)', 'close stores']);
    expect(exits).toEqual([0]);
    await expect(fetch(`${base}/health/live`)).rejects.toThrow();
  });

  it('runs once however many signals arrive', async () => {
    const { app } = await startApp();
    let runs = 0;
    const exits: number[] = [];
    const handle = onShutdown(app, [{ name: 'count', run: () => void (runs += 1) }], {
      exit: (code) => exits.push(code),
      signals: [],
    });
    const [a, b] = await Promise.all([handle.shutdown(), handle.shutdown()]);
    expect([a, b, runs, exits]).toEqual([0, 0, 1, [0]]);
  });

  it('handles a real SIGTERM in a service process: steps in order, then exit 0', async () => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, 'testing/graceful-shutdown.fixture.ts')],
      {
        cwd: path.resolve(__dirname, '../../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => output.includes('listening') && resolve());
        void exited.then(() => reject(new Error(`fixture exited early: ${output}`)));
      });
      const url = /listening (\S+)/.exec(output)?.[1];
      expect((await fetch(`${url}/health/ready`)).status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output.split('\n').filter((l) => l.startsWith('step'))).toEqual([
        'step drain draining=true',
        'step close',
      ]);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('exits 1 when a step fails, without running the later steps', async () => {
    const { app } = await startApp();
    const ran: string[] = [];
    const handle = onShutdown(
      app,
      [
        { name: 'drain', run: () => Promise.reject(new Error('consumer stuck')) },
        { name: 'close', run: () => void ran.push('close') },
      ],
      { exit: () => undefined, signals: [] },
    );
    expect(await handle.shutdown()).toBe(1);
    expect(ran).toEqual([]);
  });

  it('exits 1 when the steps outlive the timeout', async () => {
    const { app } = await startApp();
    const handle = onShutdown(app, [{ name: 'hang', run: () => new Promise<void>(() => undefined) }], {
      exit: () => undefined,
      timeoutMs: 100,
      signals: [],
    });
    expect(await handle.shutdown()).toBe(1);
  });
});
