import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ContactReceipt } from '@hotline/contracts';
import { type APIRequestContext, type APIResponse, type Locator, type Page, request } from 'playwright-core';
import { launchBrowser, screenshot, seriousViolations, type AxeViolation } from './browser';
import { type RunningPlatform, startPlatformWithOwnConsole } from './platform-process';

/** Every screen visited: a screenshot, and the serious or critical axe violations it has. */
export class ScreenLog {
  readonly violations: { screen: string; violations: AxeViolation[] }[] = [];
  readonly cspErrors: string[] = [];

  watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
        this.cspErrors.push(message.text());
      }
    });
  }

  async visit(page: Page, screen: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    // The screen's content, not a spinner standing in for it (a lazy chunk or a request still loading).
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'hidden' });
    await settleAnimations(page);
    await screenshot(page, screen);
    const found = await seriousViolations(page);
    if (found.length > 0) this.violations.push({ screen, violations: found });
  }

  /** A readable list for the assertion message. */
  summary(): string[] {
    return this.violations.flatMap(({ screen, violations }) =>
      violations.map(
        (v) => `${screen}: ${v.id} (${v.impact ?? '?'}) ${v.help} @ ${JSON.stringify(v.nodes[0]?.target)}`,
      ),
    );
  }
}

/**
 * axe judges contrast as painted: let fades and colour transitions (menus, messages, modals)
 * finish first, including those that start a frame or two after the page settled.
 */
export async function settleAnimations(page: Page): Promise<void> {
  await page.evaluate(SETTLE_ANIMATIONS);
}

export const PASSWORD = 'Hotline@12345';

/** What a browser suite works with: its platform, its chromium, the page, the screens it visited. */
export interface ConsoleSession {
  readonly platform: RunningPlatform;
  readonly browser: Awaited<ReturnType<typeof launchBrowser>>;
  readonly page: Page;
  readonly log: ScreenLog;
  /** The suite's own folder (the console's build, files to upload), removed after the suite. */
  readonly files: string;
  url(path: string): string;
}

/**
 * The setup every browser suite shares, as jest hooks of the calling `describe`: a folder of its own,
 * the platform serving its own build of the console (no other test's rebuild can pull chunks away),
 * Debian's chromium with one page watched for CSP errors, all torn down afterwards. `name` names the
 * folder; `ready` runs once the page is open (test data through the API, files to upload).
 */
export function consoleSession(
  name: string,
  ready?: (session: ConsoleSession) => Promise<void>,
): ConsoleSession {
  const files = mkdtempSync(join(tmpdir(), `hotline-console-${name}-`));
  const log = new ScreenLog();
  let platform: RunningPlatform | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let page: Page | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the console session is used before its beforeAll ran');
    return value;
  };
  const session: ConsoleSession = {
    get platform() {
      return started(platform);
    },
    get browser() {
      return started(browser);
    },
    get page() {
      return started(page);
    },
    log,
    files,
    url: (path) => `${started(platform).url}${path}`,
  };
  let starting: Promise<RunningPlatform> | undefined;
  beforeAll(async () => {
    starting = startPlatformWithOwnConsole(files);
    platform = await starting;
    browser = await launchBrowser();
    page = await browser.context.newPage();
    log.watch(page);
    await ready?.(session);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    // A start that outlived beforeAll's timeout still ends with a platform process: stop it too.
    const late = platform ?? (await starting?.catch(() => undefined));
    await late?.stop();
    rmSync(files, { recursive: true, force: true });
  }, 120_000);
  return session;
}

const SETTLE_ANIMATIONS = `(async () => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  for (let round = 0; round < 20; round++) {
    await frame();
    const running = document.getAnimations().filter(
      (a) => a.playState === 'running' && a.effect?.getTiming().iterations !== Infinity,
    );
    if (running.length === 0) return;
    await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  }
})()`;

/** Signs in through the sign-in page, as a person would, and waits for the role's start page. */
export async function signIn(page: Page, baseUrl: string, username: string, home: string): Promise<void> {
  // A step that failed before signing out must not leave the next role signed in as the last one.
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  // Off the sign-in page first: every path starts with '/', so a home of '/' alone would not wait for
  // the session, and the next page would open signed out.
  await page.waitForURL((url) => !url.pathname.startsWith('/login') && url.pathname.startsWith(home));
}

/** A citizen's web request (no account) that the portal registers as a case at once: its id and number. */
export async function portalCase(
  baseUrl: string,
  caller: { name: string; phone: string },
  content: string,
): Promise<{ caseId: string; caseNumber: string }> {
  const response = await fetch(`${baseUrl}/api/portal/contacts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ commandId: randomUUID(), caller, content }),
  });
  const receipt = (await response.json()) as ContactReceipt;
  if (receipt.caseId === undefined || receipt.caseNumber === undefined) {
    throw new Error(`no case registered: ${JSON.stringify(receipt)}`);
  }
  return { caseId: receipt.caseId, caseNumber: receipt.caseNumber };
}

/** A dialog closes on success; on failure its error alert says why, and the test says it too. */
export async function closedOrFailed(dialog: Locator): Promise<void> {
  const error = dialog.locator('.ant-alert-error');
  await Promise.race([dialog.waitFor({ state: 'hidden' }), error.waitFor()]);
  if (await dialog.isVisible()) throw new Error(await error.innerText());
}

/**
 * Chooses an option of an antd select the way a user does: open it (typing `search` if given), click
 * the option in this select's own list, and see the select show it. On a loaded machine a click can
 * land while the list is still opening and be lost (the user would click again): so does this step,
 * at most three times, and then says which. A multiple select keeps its list open: press Escape after.
 * antd draws the visible options itself; its role=option list is a hidden one for screen readers.
 */
export async function chooseOption(
  page: Page,
  select: Locator,
  option: string,
  { search }: { search?: string } = {},
): Promise<void> {
  const shown = select
    .locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select ")][1]')
    // A single select shows its value in its content box (antd 6), a multiple one as an item.
    .locator('.ant-select-content-has-value, .ant-select-selection-item', { hasText: option })
    .first();
  for (let attempt = 1; ; attempt += 1) {
    await select.click();
    if (search !== undefined) await select.fill(search);
    // The open select names its list (aria-controls): its options, not those of a list still closing.
    const list = await select.getAttribute('aria-controls');
    const dropdown = list
      ? page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) })
      : page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 10_000 });
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3)
        throw new Error(`the select did not take "${option}" after three tries`, { cause: error });
      await page.keyboard.press('Escape');
    }
  }
}

/** Signs out through the user menu in the header. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /用户菜单/ }).click();
  await page.getByText('退出登录').click();
  await page.waitForURL((url) => url.pathname.startsWith('/portal'));
}

/**
 * A POST as the signed-in user of the page's browser context: its session cookie, and the
 * double-submit CSRF token from the readable cookie, exactly as the console sends them.
 */
export async function postAsUser<T>(
  page: Page,
  baseUrl: string,
  path: string,
  body: Record<string, unknown>,
): Promise<T> {
  const cookies = await page.context().cookies(baseUrl);
  const csrf = cookies.find((cookie) => cookie.name === 'hotline_csrf')?.value ?? '';
  const response = await page.context().request.post(`${baseUrl}${path}`, {
    data: body,
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
  });
  if (response.status() >= 300)
    throw new Error(`POST ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function getAsUser<T>(page: Page, baseUrl: string, path: string): Promise<T> {
  const response = await page.context().request.get(`${baseUrl}${path}`);
  if (response.status() !== 200)
    throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A signed-in API client for test setup (its own cookie jar), as an integrator's script would be. */
export async function apiAs(baseURL: string, username: string) {
  const context: APIRequestContext = await request.newContext({ baseURL });
  const signedIn = await context.post('/api/auth/sign-in', { data: { username, password: PASSWORD } });
  if (signedIn.status() !== 200)
    throw new Error(`sign-in of ${username}: ${signedIn.status()} ${await signedIn.text()}`);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const check = async (response: APIResponse) => {
    if (response.status() >= 300)
      throw new Error(`${response.url()}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as unknown;
  };
  return {
    post: async <T>(path: string, data: Record<string, unknown>) =>
      (await check(await context.post(path, { data, headers: { 'x-csrf-token': csrfToken } }))) as T,
    put: async <T>(path: string, data: Record<string, unknown>) =>
      (await check(await context.put(path, { data, headers: { 'x-csrf-token': csrfToken } }))) as T,
    get: async <T>(path: string) => (await check(await context.get(path))) as T,
    dispose: () => context.dispose(),
  };
}
