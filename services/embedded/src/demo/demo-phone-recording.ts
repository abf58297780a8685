import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CITY_DISTRICT, INTAKE_SERVICE, systemActor } from '@hotline/contracts';
import type { FileAttachmentStore } from '@hotline/infra/attachments';
import type { Logger } from '@hotline/infra/telemetry';
import { speak } from '@hotline/sipapp';
import { demoPhone } from './content/demo-places';
import type { DemoBus } from './demo-bus';

/** The sipapp's actor: the IVR submits a confirmed recording as its own contact. */
const SIPAPP = { actor: systemActor('sipapp'), districtId: CITY_DISTRICT };

/** What the demo caller says after the beep (a machine voice: espeak-ng, as the IVR's prompts). */
const WORDS =
  '你好，我要投诉。我们小区门口那条路的路灯已经坏了三天了，晚上特别黑，老人孩子出门很不安全，请尽快派人来修一下，谢谢。';

/**
 * A phone complaint left through the IVR's self-service recording (main menu 2, then 2), waiting at
 * the desk with its audio as the sipapp leaves one: the agent plays it and registers the case. The
 * voice needs espeak-ng and sox (the telephony packages); without them the demo has no recording.
 */
export async function seedDemoPhoneRecording(
  bus: DemoBus,
  store: FileAttachmentStore,
  now: Date,
  logger: Logger,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hotline-demo-recording-'));
  let wav: Buffer;
  try {
    const file = join(dir, 'recording.wav');
    await speak(WORDS, 'zh-CN', file);
    wav = await readFile(file);
  } catch {
    logger.info('demo city: no phone recording (espeak-ng and sox are not installed)');
    return;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // 8 kHz, 16-bit mono after the 44-byte header.
  const seconds = Math.round((wav.length - 44) / 16_000);
  const audio = await store.save('电话投诉录音.wav', 'audio/wav', wav);
  const at = new Date(now.getTime() - 14 * 60_000);
  await bus.command(
    INTAKE_SERVICE,
    'SubmitContact',
    'demo:demo-ivr-recording-1:submit',
    SIPAPP,
    {
      contactId: 'demo-ivr-recording-1',
      channel: 'phone',
      receivedAt: at.toISOString(),
      caller: { anonymous: false, phone: demoPhone(9401) },
      content: `电话自助投诉录音（${seconds} 秒）`,
      subject: '投诉举报',
      attachments: [audio],
    },
    at,
  );
}
