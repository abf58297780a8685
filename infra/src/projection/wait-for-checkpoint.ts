import { HotlineError } from '@hotline/contracts';
import { ProjectionRunner } from './projection-runner';

const POLL_MS = 5;

/**
 * Read-after-write: waits until every one of `runners` has stored the event at `position` (the
 * position a command answered with); after `timeoutMs` a READ_MODEL_BEHIND 'unavailable' error
 * naming `what`. The answer carries only the caller's own position, never the read models'
 * checkpoints: how far the store has got is internal.
 */
export async function waitForCheckpoint(
  runners: ProjectionRunner | readonly ProjectionRunner[],
  position: number | undefined,
  timeoutMs: number,
  what: string,
): Promise<void> {
  if (position === undefined || position === 0) return;
  const all: readonly ProjectionRunner[] = runners instanceof ProjectionRunner ? [runners] : runners;
  const deadline = Date.now() + timeoutMs;
  while (!all.every((runner) => runner.status().checkpoint >= position)) {
    if (Date.now() > deadline) {
      throw new HotlineError(
        'unavailable',
        'READ_MODEL_BEHIND',
        `${what} has not caught up with your last change yet; retry shortly`,
        undefined,
        { position },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
