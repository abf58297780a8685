import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseDetailView } from '@hotline/contracts';
import { chooseOption, consoleSession, getAsUser, signIn } from './console-steps';

// A 1×1 PNG: real magic bytes, so the gateway's upload check accepts it as an image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A citizen's web request reaches the desk whole: the photo (opened full size), the place with its
 * coordinates, and the district read from the typed address (鼓楼区…, no district picked); the agent
 * registers it without typing any of it again, and the case is the district's.
 */
describe('What a web citizen sent, on the desk [browser: Debian chromium]', () => {
  const session = consoleSession('web-desk', async ({ files }) => {
    writeFileSync(join(files, '路灯.png'), PNG);
  });
  const { log, files } = session;

  it('shows the agent the photo, the place and the district of a web request, and registers it in that district', async () => {
    const { page, platform } = session;
    await page.goto(`${platform.url}/portal/submit`);
    await page
      .getByLabel('诉求内容')
      .fill('您好，有个情况想反映一下，照片里这个地方晚上一直这样，麻烦尽快联系我');
    await page.getByLabel('事发地址').fill('鼓楼区五四路88号');
    await page.getByLabel('纬度（可选）').fill('26.0871');
    await page.getByLabel('经度（可选）').fill('119.3012');
    await page.getByRole('textbox', { name: /姓名/ }).fill('郑女士');
    await page.getByLabel('联系电话').fill('13805916666');
    await page.locator('input[type=file]').setInputFiles(join(files, '路灯.png'));
    await page.locator('.ant-upload-list-item-done').first().waitFor();
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('话务员审核后转交承办单位办理').waitFor();
    const reserved = (await page.getByTestId('case-number').innerText()).trim();

    await signIn(page, platform.url, 'agent', '/desk');
    await page.getByRole('tab', { name: '待处理来件' }).click();
    await page.getByRole('button', { name: '处理来件：郑女士' }).click();
    const sent = page.locator('.ant-card', { has: page.getByRole('heading', { name: '市民提交的材料' }) });
    await sent.getByText('鼓楼区五四路88号').waitFor();
    await sent.getByText('北纬 26.08710，东经 119.30120').waitFor();
    await sent.getByText('鼓楼区', { exact: true }).or(sent.getByText('未确定（全市）')).waitFor();
    expect(await sent.getByText('鼓楼区', { exact: true }).count()).toBe(1);
    await sent.getByText('根据地址判断').waitFor();
    const thumbnail = sent.getByRole('img', { name: '路灯.png' });
    await thumbnail.waitFor();
    // The thumbnail is the picture itself, served to the signed-in agent.
    expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    // Nothing typed twice: the place is in the form already.
    expect(await page.getByLabel('事发地点').inputValue()).toBe('鼓楼区五四路88号');
    expect(await page.getByLabel('市民姓名').inputValue()).toBe('郑女士');
    await log.visit(page, 'web-desk-01-what-the-citizen-sent');
    // The card in Chinese (the desk's own shortcut hints, Ctrl and Alt, are no part of it); the
    // file keeps the name the citizen gave it.
    expect(
      (await sent.innerText()).replace('路灯.png', '').match(/[A-Za-z]{3,}|\d{4}-\d{2}-\d{2}T/g),
    ).toBeNull();

    await sent.getByRole('button', { name: '查看大图：路灯.png' }).click();
    const full = page.getByRole('dialog', { name: '路灯.png' });
    const preview = full.getByRole('img', { name: '路灯.png' });
    await preview.waitFor();
    expect(await preview.getAttribute('src')).toBe(await thumbnail.getAttribute('src'));
    await log.visit(page, 'web-desk-02-photo-full-size');
    await page.keyboard.press('Escape');
    await full.waitFor({ state: 'hidden' });

    await chooseOption(page, page.getByLabel('诉求类型'), '投诉');
    await page.getByLabel('诉求分类').click();
    await page.keyboard.type('路灯故障');
    await page.locator('.ant-cascader-menu-item', { hasText: '路灯故障' }).first().click();
    await page.getByRole('button', { name: '受理并登记' }).click();
    const receipt = page.getByText(/工单号：\d{8}/);
    await receipt.waitFor();
    expect(await receipt.innerText()).toContain(reserved);

    // The case is the district's (its staff and its catalogue entries apply), with the place and photo.
    const registered = await getAsUser<CaseDetailView>(page, platform.url, `/api/cases/${reserved}`);
    expect(registered).toMatchObject({
      districtId: 'gulou',
      place: { address: '鼓楼区五四路88号', lat: 26.0871, lng: 119.3012 },
    });
    expect(registered.attachments.map((a) => a.name)).toEqual(['路灯.png']);
    await page.goto(`${platform.url}/desk/cases/${reserved}`);
    await page.getByRole('img', { name: '路灯.png' }).waitFor();
    await log.visit(page, 'web-desk-03-case-with-photo');
    expect(log.summary()).toEqual([]);
    expect(log.cspErrors).toEqual([]);
  });

  it("shows the demo city's web message with its photo at the desk", async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'agent', '/desk');
    await page.getByRole('tab', { name: '待处理来件' }).click();
    await page.getByRole('button', { name: '处理来件：欧阳女士' }).click();
    const sent = page.locator('.ant-card', { has: page.getByRole('heading', { name: '市民提交的材料' }) });
    await sent.getByText('鼓楼区杨桥东路福馨苑小区门口').waitFor();
    await sent.getByText('根据地址判断').waitFor();
    const photo = sent.getByRole('img', { name: '路灯照片.png' });
    await photo.waitFor();
    // The demo's drawn photo (320×240), served from the gateway's attachment store.
    const width = await photo.evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth));
    expect(width).toBe(320);
    await log.visit(page, 'web-desk-04-demo-web-message');
    expect(log.summary()).toEqual([]);
  });

  it("plays the demo city's phone recording at the desk", async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'agent', '/desk');
    await page.getByRole('tab', { name: '待处理来件' }).click();
    const row = page.getByRole('row', { name: /电话自助投诉录音/ });
    await row.waitFor();
    expect(await row.innerText()).not.toMatch(/demo-ivr|[A-Za-z]{4,}/);
    await row.getByRole('button', { name: /^处理来件：/ }).click();
    const sent = page.locator('.ant-card', { has: page.getByRole('heading', { name: '市民提交的材料' }) });
    const player = sent.getByLabel('播放录音：电话投诉录音.wav');
    await player.waitFor();
    // The browser fetches the WAV from the gateway's store and plays it: its length is the caller's words.
    const seconds = await player.evaluate(async (audio: HTMLAudioElement) => {
      audio.muted = true;
      await audio.play();
      await new Promise((resolve) => setTimeout(resolve, 600));
      audio.pause();
      return { duration: audio.duration, played: audio.currentTime };
    });
    expect(seconds.duration).toBeGreaterThan(3);
    expect(seconds.played).toBeGreaterThan(0.2);
    await log.visit(page, 'web-desk-05-demo-phone-recording');
    expect(log.summary()).toEqual([]);
  });
});
