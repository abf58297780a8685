import { HotlineError } from '@hotline/contracts';
import type { ProjectionRunner } from './projection-runner';

const POLL_MS = 5;

/**
 * Read-after-write: waits until `runner` has stored the event at `position` (the position a command
 * answered with); a READ_MODEL_BEHIND 'unavailable' error naming `what` after `timeoutMs`.
 */
export async function waitForCheckpoint(
  runner: ProjectionRunner,
  position: number | undefined,
  timeoutMs: number,
  what: string,
): Promise<void> {
  if (position === undefined || position === 0) return;
  const deadline = Date.now() + timeoutMs;
  while (runner.status().checkpoint < position) {
    if (Date.now() > deadline) {
      throw new HotlineError(
        'unavailable',
        'READ_MODEL_BEHIND',
        `${what} has not reached position ${position} yet; retry shortly`,
        undefined,
        { position, checkpoint: runner.status().checkpoint },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
