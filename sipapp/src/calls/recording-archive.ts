import {
  CALL_RECORDING_FILE_NAME,
  type AttachmentRef,
  type CallRecording,
  type RecordingPurpose,
  type RecordingRef,
} from '@hotline/contracts';
import type { FileAttachmentStore } from '@hotline/infra/attachments';
import type { Logger } from '@hotline/infra/telemetry';
import { callRecordingWav, recordingWav } from '../media/recording-wav';

/** The file name staff see on the contact and the case (no call id: ids are not for users). */
const NAMES: Record<RecordingPurpose, string> = {
  complaint: '电话投诉录音.wav',
  'mayor-mailbox': '市长信箱留言.wav',
  voicemail: '电话留言.wav',
};

export interface RecordingArchiveDeps {
  /** rtpengine's `--recording-dir`. */
  recordingDir: string;
  /** The platform's attachment store (the gateway serves it, scoped by case). */
  store: FileAttachmentStore;
  logger: Logger;
  /** How long to wait for rtpengine's pcap of a recording just stopped. */
  waitMs?: number;
}

/**
 * Keeps a confirmed recording as an audio attachment (WAV from rtpengine's pcap), so it travels with
 * the contact to its case and plays in the console within each role's scope, like any attachment.
 */
export class RecordingArchive {
  constructor(private readonly deps: RecordingArchiveDeps) {}

  async keep(recording: RecordingRef, purpose: RecordingPurpose): Promise<AttachmentRef | undefined> {
    const deadline = Date.now() + (this.deps.waitMs ?? 5000);
    for (;;) {
      // rtpengine writes the pcap as packets arrive; a header alone (44 bytes) is no recording yet.
      const wav = recordingWav(this.deps.recordingDir, recording);
      if (wav && wav.length > 44) return this.deps.store.save(NAMES[purpose], 'audio/wav', wav);
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.deps.logger.warn(
      { callId: recording.id, purpose },
      'no pcap for the recording: the contact is submitted without its audio',
    );
    return undefined;
  }

  /**
   * Keeps a whole call's recording (every pcap of rtpengine's call `rtpengineCallId`, both sides mixed)
   * as 通话录音.wav once rtpengine has finished writing it: the WAV no longer grows between two reads.
   * Undefined when rtpengine wrote no audio for the call in time (logged): the call is stored without.
   */
  async keepCall(rtpengineCallId: string): Promise<CallRecording | undefined> {
    const deadline = Date.now() + (this.deps.waitMs ?? 5000);
    let last = -1;
    for (;;) {
      const wav = callRecordingWav(this.deps.recordingDir, rtpengineCallId);
      if (wav && wav.length > 44 && (wav.length === last || Date.now() >= deadline)) {
        const saved = await this.deps.store.save(CALL_RECORDING_FILE_NAME, 'audio/wav', wav);
        return { recordingId: saved.id, seconds: Math.round((wav.length - 44) / 1600) / 10 };
      }
      last = wav?.length ?? -1;
      if (Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    this.deps.logger.warn(
      { callId: rtpengineCallId },
      'no audio recorded for the call: it is stored without',
    );
    return undefined;
  }
}
