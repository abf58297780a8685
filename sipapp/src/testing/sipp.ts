import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The scenarios in `sipapp/sipp/` that `run.sh` knows. */
export type SippScenario = 'caller-hangs-up' | 'load' | 'keys' | 'hold' | 'cancel' | 'malformed' | 'answers';

export interface SippRun {
  /** sipp's exit status: 0 when every call went as the scenario says. */
  code: number;
  /** sipp's screen at the end (counts, response times), for a failure message. */
  screen: string;
  /** Unexpected messages sipp logged, if any. */
  errors: string;
}

const RUN = join(__dirname, '..', '..', 'sipp', 'run.sh');

/**
 * Runs a scenario with sipp through `sipapp/sipp/run.sh` (the one command a person uses too) and
 * resolves when sipp exits, with the end of its screen and error log (its directory is removed).
 */
export function runSipp(
  scenario: SippScenario,
  target: string,
  settings: Partial<Record<'CALLER' | 'KEYS' | 'HOLD_MS' | 'CALLS' | 'RATE' | 'SIPP_TRACE', string>> = {},
): Promise<SippRun> {
  const out = mkdtempSync(join(tmpdir(), `hotline-sipp-${scenario}-`));
  return new Promise((resolve) => {
    execFile(RUN, [scenario, target], { env: { ...process.env, ...settings, OUT: out } }, (error) => {
      const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
      const read = (file: string) => {
        try {
          return readFileSync(join(out, file), 'utf8');
        } catch {
          return '';
        }
      };
      const run = { code, screen: read('screen.log').slice(-3000), errors: read('errors.log').slice(-3000) };
      rmSync(out, { recursive: true, force: true });
      resolve(run);
    });
  });
}
