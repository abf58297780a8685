/**
 * The web console's first load in Debian's chromium, cache empty: bytes on the wire (the gateway
 * gzips) and the time until the page's first content is shown (from navigation start,
 * `performance.now()`): the citizen portal and the sign-in page on a phone-sized screen, then each
 * staff area signed in (session cookie kept, browser cache cleared) until its first data is shown.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { BenchContext, BenchResult } from './bench-kit';
import { launchBrowser } from '../services/console/src/e2e/browser';
import { PASSWORD } from '../services/console/src/e2e/console-steps';
import { REPO_ROOT, startPlatform } from '../services/console/src/e2e/platform-process';

interface Screen {
  path: string;
  label: string;
  ready: (page: Page) => Promise<void>;
  /** The demo account the screen is loaded as; anonymous when absent. */
  user?: string;
}

const SCREENS: Screen[] = [
  {
    path: '/portal/submit',
    label: 'citizen portal (/portal/submit)',
    ready: (page) => page.getByRole('button', { name: /提\s*交/ }).waitFor(),
  },
  {
    path: '/login',
    label: 'sign-in page (/login)',
    ready: (page) => page.getByRole('button', { name: /登\s*录/ }).waitFor(),
  },
  {
    path: '/desk',
    label: 'agent desk (/desk, signed in)',
    user: 'agent',
    ready: (page) => page.getByLabel('诉求内容').waitFor(),
  },
  {
    path: '/center',
    label: 'center overview (/center, queue counts shown)',
    user: 'center',
    ready: (page) => page.locator('.ant-card:not(.ant-card-loading) .ant-statistic').first().waitFor(),
  },
  {
    path: '/center/cases',
    label: 'center case search (/center/cases, first cases listed)',
    user: 'center',
    ready: (page) => page.locator('a.case-number').first().waitFor(),
  },
  {
    path: '/unit',
    label: 'unit inbox (/unit, first cases listed)',
    user: 'unit-handler-housing',
    ready: (page) => page.locator('a.case-number').first().waitFor(),
  },
];

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** One cold load: bytes received for the page's own files (not /api/), and ms until ready. */
async function coldLoad(page: Page, cdp: CDPSession, url: string, screen: Screen) {
  await cdp.send('Network.clearBrowserCache');
  const urls = new Map<string, string>();
  let bytes = 0;
  const onRequest = (event: { requestId: string; request: { url: string } }) =>
    urls.set(event.requestId, event.request.url);
  const onFinished = (event: { requestId: string; encodedDataLength: number }) => {
    if (!(urls.get(event.requestId) ?? '').includes('/api/')) bytes += event.encodedDataLength;
  };
  cdp.on('Network.requestWillBeSent', onRequest);
  cdp.on('Network.loadingFinished', onFinished);
  await page.goto(`${url}${screen.path}`);
  await screen.ready(page);
  const readyMs = await page.evaluate(() => performance.now());
  // First contentful paint: the first text or image the browser drew (the shell's header, a spinner).
  const paintMs = await page.evaluate<number>(
    "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0",
  );
  await page.waitForLoadState('networkidle');
  cdp.off('Network.requestWillBeSent', onRequest);
  cdp.off('Network.loadingFinished', onFinished);
  return { bytes, readyMs, paintMs };
}

export async function run(context: BenchContext): Promise<BenchResult[]> {
  // BENCH_CONSOLE_DIR: a console built before (another commit's), to compare before and after.
  const consoleDir = process.env.BENCH_CONSOLE_DIR ?? join(context.tmpDir, 'console');
  if (process.env.BENCH_CONSOLE_DIR === undefined) {
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/build-console.mjs'), '--out-dir', consoleDir], {
      stdio: 'inherit',
    });
  }
  const platform = await startPlatform({ HOTLINE_CONSOLE_DIR: consoleDir });
  const browser = await launchBrowser({ width: 375, height: 812, isMobile: true });
  const runs = Math.max(3, Math.round(10 * context.scale));
  const results: BenchResult[] = [];
  try {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    for (const screen of SCREENS) {
      await browser.context.clearCookies();
      if (screen.user !== undefined) {
        const signedIn = await browser.context.request.post(`${platform.url}/api/auth/sign-in`, {
          data: { username: screen.user, password: PASSWORD },
        });
        if (signedIn.status() !== 200) throw new Error(`sign-in of ${screen.user}: ${signedIn.status()}`);
      }
      await coldLoad(page, cdp, platform.url, screen); // warms the gateway's gzip cache, not the browser's
      const loads = [];
      for (let i = 0; i < runs; i++) loads.push(await coldLoad(page, cdp, platform.url, screen));
      const ready = loads.map((l) => l.readyMs).sort((a, b) => a - b);
      const paint = loads.map((l) => l.paintMs).sort((a, b) => a - b);
      const kib = (loads[0]?.bytes ?? 0) / 1024;
      const seconds = ready.reduce((sum, ms) => sum + ms, 0) / 1000;
      results.push({
        name: `console first load: ${screen.label}`,
        unit: 'cold page load',
        ours: { ops: runs, seconds },
        notes:
          `${kib.toFixed(0)} KiB on the wire (gzip, html+js+css+icons), ready (main button shown) ` +
          `p50 ${quantile(ready, 0.5).toFixed(0)} ms, max ${quantile(ready, 1).toFixed(0)} ms, ` +
          `first contentful paint p50 ${quantile(paint, 0.5).toFixed(0)} ms, max ${quantile(paint, 1).toFixed(0)} ms ` +
          `over ${runs} cold loads, 375×812 phone viewport, localhost`,
      });
    }
  } finally {
    await browser.close();
    await platform.stop();
  }
  return results;
}
