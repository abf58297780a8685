import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { IVR_CALL_CATEGORY, IvrCallEnded, systemActor } from '@hotline/contracts';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import { SqliteEventStore } from '@hotline/infra/event-store';
import { apiAs, consoleSession, signIn } from './console-steps';

const CALLER = '13905918123';

/** Two seconds of a 440 Hz tone (8 kHz, 16-bit mono): the WAV the sipapp keeps for a recorded call. */
function toneWav(seconds: number): Buffer {
  const samples = Buffer.alloc(seconds * 16_000);
  for (let i = 0; i < seconds * 8000; i++)
    samples.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

/**
 * 通话录音: an agent's recorded call (the WAV kept, the call's end in the store, as the sipapp leaves
 * them: no telephony runs in this suite) is found by the number's last digits, played in the browser
 * through the gateway's scoped route, and shown on its case's timeline; another unit finds nothing.
 */
describe('Call recordings: search and play [browser: Debian chromium]', () => {
  const session = consoleSession('recordings');
  const { log } = session;

  it('finds the agent’s call by the number’s tail, plays it, and shows it on the case timeline', async () => {
    const { page, platform } = session;
    const agent = await apiAs(platform.url, 'agent');
    const callId = `rec-${randomUUID()}`;
    const contactId = `ivr-${callId}`;
    await agent.post('/api/contacts', {
      commandId: randomUUID(),
      contactId,
      channel: 'phone',
      caller: { name: '陈先生', phone: CALLER },
      content: '来电反映：鼓楼区东街口路灯连续三晚不亮。',
    });
    const caseId = `case-${randomUUID()}`;
    const { caseNumber } = await agent.post<{ caseNumber: string }>(
      `/api/contacts/${contactId}/register-case`,
      {
        commandId: randomUUID(),
        caseId,
        type: 'report',
        categoryCode: '030101',
      },
    );
    const kept = await new FileAttachmentStore(join(platform.dataDir, 'attachments')).save(
      '通话录音.wav',
      'audio/wav',
      toneWav(2),
    );
    // The call ended after the case was registered from it, as when the agent registers while talking.
    const store = SqliteEventStore.open({ path: join(platform.dataDir, 'events.db') });
    try {
      await store.append(
        `${IVR_CALL_CATEGORY}-${callId}`,
        [
          {
            id: randomUUID(),
            type: IvrCallEnded.type,
            version: IvrCallEnded.version,
            data: IvrCallEnded.schema.parse({
              callId,
              flowId: 'main',
              flowVersion: 0,
              callerNumber: CALLER,
              startedAt: new Date(Date.now() - 120_000).toISOString(),
              language: 'zh-CN',
              path: [],
              outcome: 'caller-hung-up',
              contactId,
              agentId: 'user:agent',
              recording: { recordingId: kept.id, seconds: 2 },
            }),
            time: new Date().toISOString(),
            metadata: {
              correlationId: callId,
              causationId: callId,
              actor: systemActor('sipapp'),
              districtId: 'city',
            },
          },
        ],
        'noStream',
      );
    } finally {
      await store.close();
    }

    await signIn(page, platform.url, 'agent', '/desk');
    await page.getByRole('tab', { name: '通话录音' }).click();
    await page.waitForURL(/\/desk\/recordings$/);
    await page.getByLabel('号码尾号（3–4 位）').fill('8123');
    // The read model follows the store: search again until the call is there.
    for (let attempt = 0; attempt < 30; attempt++) {
      await page.getByRole('button', { name: /查\s*询/ }).click();
      if (
        await page
          .getByRole('link', { name: caseNumber })
          .isVisible({ timeout: 1_000 })
          .catch(() => false)
      )
        break;
    }
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: caseNumber }) });
    await row.getByText('139****8123').waitFor();
    await row.getByText('演示坐席').waitFor();
    await row.getByText('0:02').waitFor();
    await row.getByText('呼入').waitFor();
    expect(await page.getByText(CALLER).count()).toBe(0); // never the whole number
    await log.visit(page, 'recordings-01-search');

    await row.getByRole('button', { name: /播\s*放/ }).click();
    const audio = row.getByLabel('录音播放器');
    await audio.waitFor();
    expect(await audio.getAttribute('src')).toBe(`/api/telephony/recordings/${kept.id}/audio`);
    // The browser fetched and decoded the WAV through the scoped route: it knows its length.
    await page.waitForFunction(
      () => {
        const element = document.querySelector('audio');
        return element !== null && element.readyState >= 1 && Math.abs(element.duration - 2) < 0.1;
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
      `/api/telephony/recordings/${kept.id}/audio`,
    );
    expect(refused).toBe(404);
    await log.visit(page, 'recordings-04-unit-none');

    expect(log.cspErrors).toEqual([]);
    expect(log.summary()).toEqual([]);
  }, 240_000);
});
