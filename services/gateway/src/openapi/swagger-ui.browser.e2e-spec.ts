import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema, startServices, type RunningServices } from '@hotline/infra/platform';
import { workflowService } from '@hotline/workflow';
import { gatewayService } from '../gateway.module';

describe('Swagger UI at /api/docs in a real browser, under the gateway CSP [embedded]', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-swagger-'));
  const profile = mkdtempSync(join(tmpdir(), 'hotline-swagger-chromium-'));
  let running: RunningServices;
  let browser: BrowserContext;

  beforeAll(async () => {
    const config = loadConfig(
      platformConfigSchema,
      {
        HOTLINE_DATA_DIR: dir,
        LOG_LEVEL: 'silent',
        EVENT_STORE_DURABILITY: 'normal',
        HOTLINE_TRACE_EXPORTER: 'none',
      },
      'swagger-e2e',
    );
    const platform = await Platform.open('hotline', config);
    running = await startServices(platform, [workflowService, gatewayService], {
      port: 0,
      host: '127.0.0.1',
      handleSignals: false,
    });
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser.close();
    await running.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  it('renders every area of the document with no script blocked by the Content-Security-Policy', async () => {
    const page = await browser.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) blocked.push(message.text());
    });
    const response = await page.goto(`${running.url}/api/docs`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.waitForSelector('.opblock-tag-section', { timeout: 30_000 });
    const tags = await Promise.all(
      (await page.locator('.opblock-tag').all()).map((tag) => tag.getAttribute('data-tag')),
    );
    expect(tags).toEqual(expect.arrayContaining(['cases', 'intake', 'attachments', 'live']));
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    expect(blocked).toEqual([]);
  });
});
