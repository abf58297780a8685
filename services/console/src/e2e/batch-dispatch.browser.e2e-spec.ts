import { randomUUID } from 'node:crypto';
import type { CaseTimelineEntry } from '@hotline/contracts';
import { apiAs, consoleSession, signIn } from './console-steps';
import { foreignText } from './screen-text';

const CALLER = '13905917788';
const HOUSING = 'housing-bureau';
const MATTERS = [
  '投诉：三坊七巷南后街夜间施工噪音扰民，已连续一周。',
  '投诉：五一广场东侧人行道被共享单车堵塞，轮椅无法通行。',
  '投诉：西湖公园北门外占道经营，早高峰车辆无法通行。',
];

/**
 * 批量派单 in the center's list: three cases to one unit, one command each. One was dispatched by
 * someone else meanwhile and is refused in words; the answer of another is lost on the way back and
 * its retry applies the dispatch once (the same command id).
 */
describe('Batch dispatch in the center [browser: Debian chromium]', () => {
  const session = consoleSession('batch');
  const { log } = session;

  it('dispatches the selected cases one by one, says why one was refused, and retries once', async () => {
    const { page, platform } = session;
    const agent = await apiAs(platform.url, 'agent');
    const cases: { caseId: string; caseNumber: string }[] = [];
    for (const content of MATTERS) {
      const contactId = `desk-${randomUUID()}`;
      await agent.post('/api/contacts', {
        commandId: randomUUID(),
        contactId,
        channel: 'phone',
        caller: { name: '黄先生', phone: CALLER },
        content,
      });
      const caseId = `case-${randomUUID()}`;
      const { caseNumber } = await agent.post<{ caseNumber: string }>(
        `/api/contacts/${contactId}/register-case`,
        {
          commandId: randomUUID(),
          caseId,
          type: 'complaint',
          categoryCode: '010203',
        },
      );
      cases.push({ caseId, caseNumber });
    }
    const [first, lost, taken] = cases as [(typeof cases)[0], (typeof cases)[0], (typeof cases)[0]];

    await signIn(page, platform.url, 'center', '/center');
    await page.goto(`${platform.url}/center/cases?phone=${CALLER}&status=registered`);
    // The list's first load, before counting or selecting.
    for (const { caseNumber } of cases) await page.getByRole('link', { name: caseNumber }).waitFor();
    for (const { caseNumber } of cases)
      await page.getByRole('checkbox', { name: `选择工单 ${caseNumber}` }).check();
    await page.getByText('已选 3 件待派单工单').waitFor();
    await log.visit(page, 'batch-01-selected');

    // Someone else dispatches one of them meanwhile.
    await agent.post(`/api/cases/${taken.caseId}/dispatch`, { commandId: randomUUID(), leadUnitId: 'gulou' });
    // The answer to one dispatch is lost after the server applied it.
    let dropped = false;
    await page.route(`**/api/cases/${lost.caseId}/dispatch`, async (route) => {
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      return route.abort('connectionreset');
    });

    await page.getByRole('button', { name: '批量派单' }).click();
    const dialog = page.getByRole('dialog', { name: '批量派单（3 件）' });
    await dialog.getByLabel('主办单位').click();
    await page.keyboard.type('住房和城乡建设');
    await page.locator('.ant-select-item-option', { hasText: '市住房和城乡建设局' }).click();
    await dialog.getByLabel('派单说明').fill('集中整治，请一并核查');
    await dialog.getByRole('button', { name: /^派\s*单$/ }).click();
    await dialog.getByText('已派单 1 件，未派单 2 件').waitFor();
    const row = (caseNumber: string) => dialog.getByRole('row', { name: new RegExp(caseNumber) });
    await row(first.caseNumber).getByText('已派单').waitFor();
    await row(taken.caseNumber).getByText('未派单：此工单当前不能派单（可能已派出）。').waitFor();
    await row(lost.caseNumber)
      .getByText(/^未派单：/)
      .waitFor();
    await log.visit(page, 'batch-02-results');
    expect(await foreignText(page)).toEqual([]);

    await dialog.getByRole('button', { name: '重试未成功的' }).click();
    await dialog.getByText('已派单 2 件，未派单 1 件').waitFor();
    await row(lost.caseNumber).getByText('已派单').waitFor();
    await row(taken.caseNumber).getByText('未派单：此工单当前不能派单（可能已派出）。').waitFor();
    await log.visit(page, 'batch-03-retried');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The list is read again: no case of the three waits for dispatch any more.
    await page.getByText('已选 3 件待派单工单').waitFor({ state: 'hidden' });
    for (const { caseNumber } of cases)
      await page.getByRole('link', { name: caseNumber }).waitFor({ state: 'hidden' });

    // The retried dispatch was applied once, with the note and to the chosen unit.
    const timeline = await agent.get<CaseTimelineEntry[]>(`/api/cases/${lost.caseId}/timeline`);
    const dispatches = timeline.filter((entry) => entry.type === 'CaseDispatched');
    expect(dispatches).toHaveLength(1);
    expect(dispatches[0]?.details).toMatchObject({ units: [HOUSING], note: '集中整治，请一并核查' });
    await agent.dispose();
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
