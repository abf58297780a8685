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
  // A recording that names its own file (one of several of its call: the call's and a complaint's).
  const own = join(pcaps, `${recording.id}.pcap`);
  if (existsSync(own)) return wavOfPcap(readFileSync(own));
  const newest = readdirSync(pcaps)
    .filter((name) => name.startsWith(`${recording.id}-`) && name.endsWith('.pcap'))
    .map((name) => ({ name, at: statSync(join(pcaps, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)[0];
  return newest && wavOfPcap(readFileSync(join(pcaps, newest.name)));
}

/** Undefined for a file rtpengine has only just opened (not even its header written yet). */
const wavOfPcap = (pcap: Buffer): Buffer | undefined =>
  pcap.length < PCAP_HEADER ? undefined : pcapToWav(pcap);
const PCAP_HEADER = 24;

/**
 * A whole call as WAV (both sides once bridged): every pcap of the call mixed (`callPcapsToWav`), the
 * call's own recording and any complaint recorded within it, which rtpengine keeps in files of their
 * own. Undefined while rtpengine has written none.
 */
export function callRecordingWav(recordingDir: string, callId: string): Buffer | undefined {
  const files = callPcapNames(recordingDir, callId);
  if (files.length === 0) return undefined;
  return callPcapsToWav(files.map((name) => readFileSync(join(recordingDir, 'pcaps', name))));
}

/** The names of rtpengine's pcap files of a call (`<call id>-<rtpengine's tag>.pcap`). */
export function callPcapNames(recordingDir: string, callId: string): string[] {
  const pcaps = join(recordingDir, 'pcaps');
  if (!existsSync(pcaps)) return [];
  return readdirSync(pcaps).filter((name) => name.startsWith(`${callId}-`) && name.endsWith('.pcap'));
}
