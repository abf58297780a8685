/** Delay before the next delivery after a handler failure: doubles per delivery, capped. */
export interface RetryBackoff {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { initialMs: 200, maxMs: 10_000 };

/** The delay after the `deliveryCount`-th delivery failed (1-based). */
export const backoffDelay = (backoff: RetryBackoff, deliveryCount: number): number =>
  Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(deliveryCount - 1, 30));
