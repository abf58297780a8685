import { consoleSession, getAsUser, signIn } from './console-steps';

interface Found {
  items: Array<{ recordingId: string; numberMasked: string; caseId: string; caseNumber: string }>;
}

/**
 * 通话录音: the demo city's recorded call (演示坐席's, kept as the sipapp leaves one: 通话录音.wav and
 * the call's end with its recording; no telephony runs in this suite) is found by the number's last
 * digits, played in the browser through the gateway's scoped route, and shown on its case's timeline;
 * a unit with no case of it finds nothing and is refused its audio.
 */
describe('Call recordings: search and play [browser: Debian chromium]', () => {
  const session = consoleSession('recordings');
  const { log } = session;

  it('finds the agent’s call by the number’s tail, plays it, and shows it on the case timeline', async () => {
    const { page, platform } = session;
    await signIn(page, platform.url, 'agent', '/desk');
    // The read model follows the store: the call seeded last may take a moment to show.
    let found = await getAsUser<Found>(page, platform.url, '/api/telephony/recordings');
    for (let attempt = 0; attempt < 50 && found.items.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      found = await getAsUser<Found>(page, platform.url, '/api/telephony/recordings');
    }
    expect(found.items).toHaveLength(1); // the demo's one recorded call, the seat's own
    const [{ recordingId, numberMasked, caseId, caseNumber }] = found.items as [Found['items'][0]];
    const tail = numberMasked.slice(-4);
    await page.getByRole('tab', { name: '通话录音' }).click();
    await page.waitForURL(/\/desk\/recordings$/);
    await page.getByLabel('号码尾号（3–4 位）').fill(tail);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: caseNumber }) });
    await row.getByText(numberMasked).waitFor();
    expect(numberMasked).toMatch(/^\d{3}\*+\d{4}$/);
    await row.getByText('演示坐席').waitFor();
    await row.getByText('呼入').waitFor();
    await log.visit(page, 'recordings-01-search');

    await row.getByRole('button', { name: /播\s*放/ }).click();
    const audio = row.getByLabel('录音播放器');
    await audio.waitFor();
    expect(await audio.getAttribute('src')).toBe(`/api/telephony/recordings/${recordingId}/audio`);
    // The browser fetched and decoded the WAV through the scoped route: it knows its length.
    await page.waitForFunction(
      () => {
        const element = document.querySelector('audio');
        return element !== null && element.readyState >= 1 && element.duration > 1;
      },
      undefined,
      { timeout: 15_000 },
    );
    await log.visit(page, 'recordings-02-playing');

    await row.getByRole('link', { name: caseNumber }).click();
    await page.waitForURL(new RegExp(`/desk/cases/${caseId}$`));
    const call = page.getByTestId('timeline-call');
    await call.getByText('通话录音 · 呼入').waitFor();
    await call.getByRole('button', { name: /播\s*放/ }).waitFor();
    await log.visit(page, 'recordings-03-case-timeline');

    // A unit with no case of this call finds nothing, and its player route answers 404.
    await signIn(page, platform.url, 'unit-handler-housing', '/unit');
    await page.goto(`${platform.url}/unit/recordings`);
    await page.getByText('没有符合条件的通话录音').waitFor();
    const refused = await page.evaluate(
      (url) => fetch(url).then((response) => response.status),
      `/api/telephony/recordings/${recordingId}/audio`,
    );
    expect(refused).toBe(404);
    await log.visit(page, 'recordings-04-unit-none');

    expect(log.cspErrors).toEqual([]);
    expect(log.summary()).toEqual([]);
  }, 240_000);
});
