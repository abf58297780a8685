import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordingRef } from '@hotline/contracts';
import { pcapToWav } from './pcap-to-wav';

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
