import { consoleSession, signIn } from './console-steps';
import { foreignText } from './screen-text';

const QUESTION = '公租房屋内设施坏了找谁报修？';
const ANSWER = '公租房承租人可向所在小区的公租房管理站报修，管理站在三个工作日内上门维修。';
const NOTE = '请写明报修电话';

/**
 * The knowledge base as a process between roles: a handling unit proposes an entry, the center
 * sends it back with a note the unit reads, the unit writes it again, the center publishes it, the
 * citizen finds it among the portal's frequently asked questions before searching, and once the
 * center retires it the portal no longer shows it.
 */
describe('The knowledge base editor [browser: Debian chromium]', () => {
  const session = consoleSession('kb');
  const { log } = session;

  const { url } = session;
  const dialogNamed = (name: string | RegExp) => session.page.getByRole('dialog', { name });
  const centerRow = () => session.page.getByRole('row', { name: new RegExp(QUESTION) });

  it('takes a unit proposal through send-back, revision, publication and retirement to the portal', async () => {
    const { page, platform, browser } = session;
    await signIn(page, platform.url, 'unit-handler-housing', '/unit');
    await page.getByRole('link', { name: '知识库' }).click();
    await page.getByRole('heading', { name: '本单位知识条目' }).waitFor();
    await page.getByRole('button', { name: '提交新条目' }).click();
    let form = dialogNamed('提交新条目');
    await form.getByLabel('问题').fill(QUESTION);
    await form.getByLabel('答复').fill(ANSWER);
    await form.getByLabel('关键词').fill('公租房');
    await form.getByLabel('关键词').press('Enter');
    await form.locator('.ant-modal-footer').getByRole('button', { name: '提交审核' }).click();
    await form.waitFor({ state: 'hidden' });
    const proposal = page.locator('.ant-list-item', { hasText: QUESTION });
    await proposal.getByText('待审核').waitFor();
    await log.visit(page, 'kb-01-unit-proposed');
    expect(await foreignText(page)).toEqual([]);

    await signIn(page, platform.url, 'center', '/center');
    await page.goto(url('/center/knowledge'));
    await centerRow().waitFor();
    await log.visit(page, 'kb-02-center-review-queue');
    await centerRow()
      .getByRole('button', { name: `退回修改：${QUESTION}` })
      .click();
    let decision = dialogNamed('退回修改');
    await decision.getByLabel('退回意见（提交单位可见）').fill(NOTE);
    await decision.locator('.ant-modal-footer').getByRole('button', { name: '退回修改' }).click();
    await decision.waitFor({ state: 'hidden' });
    await centerRow().waitFor({ state: 'hidden' });

    await signIn(page, platform.url, 'unit-handler-housing', '/unit');
    await page.goto(url('/unit/knowledge'));
    await proposal.getByText('已退回').waitFor();
    await proposal.getByText(`热线办退回意见：${NOTE}`).waitFor();
    await log.visit(page, 'kb-03-unit-sent-back');
    await proposal.getByRole('button', { name: '修改后重新提交' }).click();
    form = dialogNamed('修改后重新提交');
    expect(await form.getByLabel('问题').inputValue()).toBe(QUESTION);
    await form.getByLabel('答复').fill(`${ANSWER}报修电话：0591-12345。`);
    await form.locator('.ant-modal-footer').getByRole('button', { name: '提交审核' }).click();
    await form.waitFor({ state: 'hidden' });
    await proposal.getByText('待审核').waitFor();

    await signIn(page, platform.url, 'center', '/center');
    await page.goto(url('/center/knowledge'));
    await centerRow()
      .getByRole('button', { name: `发布：${QUESTION}` })
      .click();
    decision = dialogNamed('发布');
    await decision
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /^发\s*布$/ })
      .click();
    await decision.waitFor({ state: 'hidden' });
    await page.getByText('已发布', { exact: true }).click();
    await centerRow().getByText('已发布').waitFor();

    const portal = await browser.context.newPage();
    log.watch(portal);
    await portal.goto(url('/portal/knowledge'));
    const faq = portal.locator('.ant-card', { has: portal.getByRole('heading', { name: '常见问题' }) });
    await faq.getByText(QUESTION).click();
    await faq.getByText('报修电话：0591-12345').waitFor();
    await log.visit(portal, 'kb-04-portal-faq');

    await centerRow()
      .getByRole('button', { name: `停用：${QUESTION}` })
      .click();
    decision = dialogNamed('停用');
    await decision.getByLabel('停用原因').fill('管理站合并，报修方式调整');
    await decision
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /^停\s*用$/ })
      .click();
    await decision.waitFor({ state: 'hidden' });
    await portal.reload();
    await portal.getByRole('heading', { name: '常见问题', exact: true }).waitFor();
    expect(await portal.getByText(QUESTION).count()).toBe(0);
    await portal.close();
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });
});
