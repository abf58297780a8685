import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
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
