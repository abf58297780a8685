import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { workflowService } from '@hotline/workflow';
import { gatewayService } from '@hotline/gateway';

describe('Swagger UI at /api/docs in a real browser, under the gateway CSP [embedded]', () => {
  const profile = mkdtempSync(join(tmpdir(), 'hotline-swagger-chromium-'));
  let running: BootedPlatform;
  let browser: BrowserContext;

  beforeAll(async () => {
    running = await bootPlatform([workflowService, gatewayService]);
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
