import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IVR_CALL_CATEGORY, IvrCallEnded, systemActor } from '@hotline/contracts';
import type { FileAttachmentStore } from '@hotline/infra/attachments';
import { deriveEventId } from '@hotline/infra/command';
import type { EventStore } from '@hotline/infra/event-store';
import type { Logger } from '@hotline/infra/telemetry';
import { speak } from '@hotline/sipapp';
import type { DemoCase } from './demo-plan';

/** The demo's recorded call: its id, so a restart appends nothing twice. */
export const DEMO_RECORDED_CALL_ID = 'demo-recorded-call-1';
/** The seat the demo signs in as (演示坐席): the call is theirs, so the desk's 通话录音 lists it. */
const DEMO_SEAT = 'user:agent';

/**
 * A call answered by the demo seat and recorded whole, as the sipapp leaves one (通话录音.wav in the
 * attachment store, `IvrCallEnded` with its `recording`): the caller of a registered phone case reads
 * out their matter (espeak-ng, a machine voice), linked to the case through its contact. Without
 * espeak-ng and sox the demo has no recorded call.
 */
export async function seedDemoCallRecording(
  events: EventStore,
  attachments: FileAttachmentStore,
  cases: readonly DemoCase[],
  now: Date,
  logger: Logger,
): Promise<void> {
  const stream = `${IVR_CALL_CATEGORY}-${DEMO_RECORDED_CALL_ID}`;
  if ((await events.readStreamOrEmpty(stream)).length > 0) return;
  const call = cases.find(
    (c) => c.channel === 'phone' && c.path[0] === 'register' && !c.caller.anonymous && c.caller.phone,
  );
  if (call === undefined) return;
  const dir = await mkdtemp(join(tmpdir(), 'hotline-demo-call-'));
  let wav: Buffer;
  try {
    const file = join(dir, 'call.wav');
    await speak(`您好，这里是一二三四五热线。${call.content}`, 'zh-CN', file);
    wav = await readFile(file);
  } catch {
    logger.info('demo city: no recorded call (espeak-ng and sox are not installed)');
    return;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const seconds = Math.round((wav.length - 44) / 1600) / 10;
  const kept = await attachments.save('通话录音.wav', 'audio/wav', wav);
  const startedAt = new Date(now.getTime() - 3 * 3_600_000);
  await events.append(
    stream,
    [
      {
        id: deriveEventId(stream, `${DEMO_RECORDED_CALL_ID}:ended`, 0),
        type: IvrCallEnded.type,
        version: IvrCallEnded.version,
        data: IvrCallEnded.schema.parse({
          callId: DEMO_RECORDED_CALL_ID,
          flowId: 'main',
          flowVersion: 0,
          callerNumber: call.caller.phone,
          startedAt: startedAt.toISOString(),
          language: 'zh-CN',
          path: [{ node: 'main-menu', kind: 'menu', digits: '1' }],
          outcome: 'caller-hung-up',
          contactId: call.contactId,
          agentId: DEMO_SEAT,
          recording: { recordingId: kept.id, seconds },
        }),
        time: new Date(startedAt.getTime() + seconds * 1000).toISOString(),
        metadata: {
          correlationId: DEMO_RECORDED_CALL_ID,
          causationId: DEMO_RECORDED_CALL_ID,
          actor: systemActor('sipapp'),
          districtId: 'city',
        },
      },
    ],
    'noStream',
  );
}
