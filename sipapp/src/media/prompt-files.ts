import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { IVR_PROMPT_TEXT, type PromptLanguage } from '@hotline/contracts';

const run = promisify(execFile);
const VOICES: Record<PromptLanguage, string> = { 'zh-CN': 'cmn', en: 'en' };

/** Where a prompt's WAV file is: `<dir>/<language>/<key>.wav`. */
export const promptPath = (dir: string, language: PromptLanguage, key: string): string =>
  join(dir, language, `${key}.wav`);

/**
 * Makes the missing prompt files with espeak-ng (a machine voice: a city records its own under the
 * same names) as 8 kHz mono WAV, the rate of a telephone call; `beep` is a 1 kHz tone from sox.
 * Text spoken on the fly (the live announcement) goes through `speak`. An aborted signal stops after
 * the file in progress.
 */
export async function ensurePromptFiles(
  dir: string,
  languages: PromptLanguage[] = ['zh-CN', 'en'],
  signal?: AbortSignal,
): Promise<void> {
  await ensureHoldMusic(defaultHoldMusic(dir));
  for (const language of languages) {
    mkdirSync(join(dir, language), { recursive: true });
    for (const [key, words] of Object.entries(IVR_PROMPT_TEXT)) {
      const file = promptPath(dir, language, key);
      if (signal?.aborted) return; // the app is stopping
      if (existsSync(file)) continue;
      if (key === 'beep')
        await run('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', file, 'synth', '0.4', 'sine', '1000']);
      else await speak(words[language], language, file);
    }
  }
}

/** Speaks a text into an 8 kHz mono WAV file. */
export async function speak(text: string, language: PromptLanguage, file: string): Promise<void> {
  const wide = `${file}.22k.wav`;
  await run('espeak-ng', ['-v', VOICES[language], '-s', '150', '-w', wide, text]);
  await run('sox', [wide, '-r', '8000', '-c', '1', '-b', '16', file]);
  await run('rm', ['-f', wide]);
}

/** The hold music made here when the city names none (`SIPAPP_HOLD_MUSIC`): `<dir>/music/hold.wav`. */
export const defaultHoldMusic = (dir: string): string => join(dir, 'music', 'hold.wav');

/** A soft arpeggio (C major, then F, G, C), a quarter-second a note: 4 s that loop without a seam. */
const HOLD_MUSIC_NOTES = [262, 330, 392, 523, 349, 440, 523, 440, 392, 494, 587, 494, 262, 330, 392, 330];

/**
 * Makes the default hold music with sox when it is missing: real audio (tones at telephone rate, a
 * little quieter than the prompts) that a city replaces with its own recording. Each note is faded in
 * and out so the loop does not click.
 */
export async function ensureHoldMusic(file: string): Promise<void> {
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  const notes = HOLD_MUSIC_NOTES.map((_, index) => `${file}.note-${index}.wav`);
  try {
    for (const [index, frequency] of HOLD_MUSIC_NOTES.entries())
      await run('sox', [
        ...['-n', '-r', '8000', '-c', '1', '-b', '16', notes[index]!],
        ...['synth', '0.25', 'sine', String(frequency), 'fade', 'q', '0.02', '0.25', '0.05', 'vol', '0.3'],
      ]);
    await run('sox', [...notes, `${file}.part.wav`]);
    await run('mv', [`${file}.part.wav`, file]);
  } finally {
    await run('rm', ['-f', ...notes, `${file}.part.wav`]);
  }
}
