import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordingRef } from '@hotline/contracts';
import { callPcapsToWav, pcapToWav } from './pcap-to-wav';

/**
 * The caller's recording as WAV, from rtpengine's `<recording dir>/pcaps/<call id>-<n>.pcap`
 * (pcap-to-wav.ts); undefined while rtpengine has written none. A call recorded twice (a complaint
 * cancelled, then a message) has a file per recording: the newest is the one just made.
 */
export function recordingWav(recordingDir: string, recording: RecordingRef): Buffer | undefined {
  const pcaps = join(recordingDir, 'pcaps');
  if (!existsSync(pcaps)) return undefined;
  const newest = readdirSync(pcaps)
    .filter((name) => name.startsWith(`${recording.id}-`) && name.endsWith('.pcap'))
    .map((name) => ({ name, at: statSync(join(pcaps, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)[0];
  return newest && pcapToWav(readFileSync(join(pcaps, newest.name)));
}

/**
 * A whole call as WAV (both sides once bridged): every pcap of the call mixed (`callPcapsToWav`), the
 * call's own recording and any complaint recorded within it, which rtpengine keeps in files of their
 * own. Undefined while rtpengine has written none.
 */
export function callRecordingWav(recordingDir: string, callId: string): Buffer | undefined {
  const pcaps = join(recordingDir, 'pcaps');
  if (!existsSync(pcaps)) return undefined;
  const files = readdirSync(pcaps).filter((name) => name.startsWith(`${callId}-`) && name.endsWith('.pcap'));
  if (files.length === 0) return undefined;
  return callPcapsToWav(files.map((name) => readFileSync(join(pcaps, name))));
}
