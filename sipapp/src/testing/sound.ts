import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What sox measures of a WAV: its length and loudness (RMS, 0–1). */
export interface SoundStats {
  seconds: number;
  rms: number;
}

/** Measures a WAV with `sox <file> -n stat` (it prints to stderr). */
export async function soundStats(file: string): Promise<SoundStats> {
  const { stderr } = await run('sox', [file, '-n', 'stat']);
  const value = (label: string) => Number(new RegExp(`${label}:\\s+([0-9.e+-]+)`).exec(stderr)?.[1] ?? NaN);
  return { seconds: value('Length \\(seconds\\)'), rms: value('RMS\\s+amplitude') };
}

/** A WAV of `seconds` of a voice-like tone at 8 kHz mono, a phone's microphone in tests. */
export async function toneFile(file: string, seconds: number): Promise<void> {
  await run('sox', [
    '-n',
    '-r',
    '8000',
    '-c',
    '1',
    '-b',
    '16',
    file,
    'synth',
    String(seconds),
    'sine',
    '440',
    'vol',
    '0.5',
  ]);
}
