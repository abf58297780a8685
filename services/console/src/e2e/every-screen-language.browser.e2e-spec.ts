import type { CaseSearchResult, UnitInboxView } from '@hotline/contracts';
import type { Page } from 'playwright-core';
import { screenshot } from './browser';
import { apiAs, consoleSession, settleAnimations, signIn } from './console-steps';
import { foreignText } from './screen-text';

/** Nothing on the screen is still loading: spinners, cards and skeletons waiting for their data. */
const LOADING = '.ant-spin-spinning, .ant-card-loading, .ant-skeleton-active';

/** The screens of each staff area, by route (app.tsx and each area's index.tsx). */
const DESK = ['/desk', '/desk/waiting', '/desk/callbacks', '/desk/polls', '/desk/cases'];
const CENTER = [
  '/center',
  '/center/cases',
  '/center/reported',
  '/center/public-record',
  '/center/supervisions',
  '/center/leader',
  '/center/reports',
  '/center/digest',
  '/center/satisfaction',
  '/center/polls',
  '/center/accuracy',
  '/center/knowledge',
];
const UNIT = ['/unit', '/unit/reminders', '/unit/knowledge', '/unit/polls', '/unit/report'];
const ADMIN = [
  '/admin/audit',
  '/admin/users',
  '/admin/units',
  '/admin/catalogue',
  '/admin/categories',
  '/admin/routing',
  '/admin/calendar',
  '/admin/ivr',
];
const PORTAL = [
  '/portal/submit',
  '/portal/chat',
  '/portal/track',
  '/portal/knowledge',
  '/portal/record',
  '/login',
];

/**
 * Every screen of the console as each role sees it in zh-CN, with the demo city's data: no English
 * word, internal id or ISO timestamp in the visible text (screen-text.ts allows the product's own
 * names only). Each screen is also saved as a screenshot to look at. The findings of all screens are
 * gathered first, so one run names every screen that needs fixing.
 */
describe('Every screen in Chinese, for each role [browser: Debian chromium]', () => {
  const session = consoleSession('every-screen');
  /** Case pages of the demo city, by number: one the center closed, one in the housing bureau's hands. */
  const cases = { closed: '', unit: '' };

  beforeAll(async () => {
    const center = await apiAs(session.platform.url, 'center');
    const closed = await center.get<CaseSearchResult>('/api/cases?status=closed&pageSize=1');
    cases.closed = closed.items[0]?.caseNumber ?? '';
    await center.dispose();
    const unit = await apiAs(session.platform.url, 'unit-handler-housing');
    const inbox = await unit.get<UnitInboxView>('/api/units/housing-bureau/inbox?list=in-progress');
    cases.unit = inbox.items[0]?.caseNumber ?? '';
    await unit.dispose();
  }, 120_000);

  /** Opens each screen, waits for its data, saves it and returns what is not Chinese on it. */
  async function scan(page: Page, role: string, paths: string[]): Promise<string[]> {
    const findings: string[] = [];
    for (const path of paths) {
      await page.goto(session.url(path));
      // The screen itself (every screen has one h1), its data loaded: no spinner or loading card
      // left, whatever the machine's load (the network can be idle while a chunk still runs).
      await page.locator('h1').first().waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      await page.locator(LOADING).first().waitFor({ state: 'hidden', timeout: 60_000 });
      await settleAnimations(page);
      await screenshot(page, `lang-${role}${path.replaceAll('/', '-')}`);
      for (const word of await foreignText(page)) findings.push(`${role} ${path}: ${word}`);
    }
    return findings;
  }

  async function as(username: string, home: string, paths: string[]): Promise<string[]> {
    const { page, platform } = session;
    await signIn(page, platform.url, username, home);
    return scan(page, username, paths);
  }

  // Each area's screens once, for the role that works there; another role's view of them only where
  // it differs (its own queues, lists or tabs), so the suite stays short.
  it('the portal and the sign-in page, for a citizen', async () => {
    await session.page.context().clearCookies();
    expect(await scan(session.page, 'citizen', PORTAL)).toEqual([]);
  }, 180_000);

  it('the desk, for an agent (a case looked up by its number), and the wallboard', async () => {
    const agent = await as('agent', '/desk', [...DESK, `/desk/cases/${cases.closed}`]);
    const supervisor = await as('supervisor', '/center', ['/supervisor', '/center']);
    expect([...agent, ...supervisor]).toEqual([]);
  }, 240_000);

  it('the center (a closed case with its whole timeline), and a leader', async () => {
    const center = await as('center', '/center', [...CENTER, `/center/cases/${cases.closed}`]);
    const leader = await as('leader', '/center', ['/center/reported', '/center/leader', '/center/digest']);
    expect([...center, ...leader]).toEqual([]);
  }, 300_000);

  it('the administration, for the city administrator, a district administrator and an auditor', async () => {
    const city = await as('city-admin', '/admin', ADMIN);
    const district = await as('district-admin-gulou', '/admin', ['/admin/users']);
    const auditor = await as('auditor', '/admin', ['/admin/audit', '/center']);
    expect([...city, ...district, ...auditor]).toEqual([]);
  }, 240_000);

  it('the unit, for a handler (a case of its own) and a leader', async () => {
    const handler = await as('unit-handler-housing', '/unit', [...UNIT, `/unit/cases/${cases.unit}`]);
    const leader = await as('unit-leader-housing', '/unit', ['/unit']);
    expect([...handler, ...leader]).toEqual([]);
  }, 240_000);
});
