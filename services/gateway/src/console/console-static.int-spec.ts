import 'reflect-metadata';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConsoleStaticModule } from './console-static.module';

@Controller('api')
class ProbeController {
  @Get('probe')
  probe(): { ok: boolean } {
    return { ok: true };
  }
}

describe('the console served by the gateway', () => {
  let dist: string;
  let app: INestApplication;
  let base: string;
  const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'hotline-console-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
    @Module({ imports: [ConsoleStaticModule.register({ distDir: dist })], controllers: [ProbeController] })
    class TestModule {}
    app = await NestFactory.create(TestModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers index.html for a client-side route, revalidated and under the CSP', async () => {
    const response = await fetch(`${base}/unit/cases/42`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('serves hashed assets for a year, gzipped when the browser accepts it', async () => {
    // fetch decodes the gzip body itself; the header shows it travelled compressed.
    const response = await fetch(`${base}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe(script);
  });

  it('leaves the API alone and keeps a missing asset a 404', async () => {
    expect(await (await fetch(`${base}/api/probe`)).json()).toEqual({ ok: true });
    expect((await fetch(`${base}/api/nothing-here`)).status).toBe(404);
    expect((await fetch(`${base}/assets/missing-123.js`)).status).toBe(404);
  });

  it('never serves a file outside the build folder', async () => {
    const response = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    const body = await response.text();
    expect(body).not.toContain('root:');
  });
});
