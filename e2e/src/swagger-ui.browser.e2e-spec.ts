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
    await page.waitForSelector('.opblock-tag', { timeout: 30_000 });
    // A long document is drawn as a virtual list: scroll through it and collect what is drawn.
    const tags = new Set<string>();
    const operations = new Set<string>();
    for (let step = 0; step < 400; step++) {
      const seen = await page.evaluate<{ tags: string[]; operations: string[]; end: boolean }>(`(() => ({
        tags: [...document.querySelectorAll('.opblock-tag')].map((e) => e.getAttribute('data-tag') ?? ''),
        operations: [...document.querySelectorAll('.opblock')].map((e) => e.id),
        end: window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2,
      }))()`);
      seen.tags.forEach((tag) => tags.add(tag));
      seen.operations.forEach((operation) => operations.add(operation));
      if (seen.end) break;
      await page.evaluate('window.scrollBy(0, window.innerHeight)');
      await page.waitForTimeout(30);
    }
    expect([...tags]).toEqual(expect.arrayContaining(['cases', 'intake', 'attachments', 'live']));
    expect(operations.size).toBeGreaterThan(50);
    expect(blocked).toEqual([]);
  });
});
