import { HotlineError, isErrorBody, type ErrorBody } from '@hotline/contracts';

/** Codes of the errors the bus itself raises (handlers raise their own). */
export const BusErrorCode = {
  timeout: 'BUS_TIMEOUT',
  noResponders: 'NO_RESPONDERS',
  unavailable: 'BUS_UNAVAILABLE',
  /** The connection to the bus is down: the request was not sent. */
  down: 'BUS_DOWN',
  internal: 'INTERNAL',
} as const;

export const busTimeout = (subject: string, timeoutMs: number): HotlineError =>
  new HotlineError(
    'timeout',
    BusErrorCode.timeout,
    `no reply on ${subject} within ${timeoutMs} ms`,
    undefined,
    {
      subject,
      timeoutMs,
    },
  );

export const noResponders = (subject: string): HotlineError =>
  new HotlineError('unavailable', BusErrorCode.noResponders, `no service answers on ${subject}`, undefined, {
    subject,
  });

export const busUnavailable = (subject: string, cause: unknown): HotlineError =>
  new HotlineError(
    'unavailable',
    BusErrorCode.unavailable,
    `the bus could not carry the request on ${subject}`,
    undefined,
    {
      subject,
      cause: cause instanceof Error ? cause.message : String(cause),
    },
  );

/** What a caller sees for any failure that is not a HotlineError: no message, stack or class name leaks. */
export const internalErrorBody = (): ErrorBody => ({
  kind: 'internal',
  code: BusErrorCode.internal,
  message: 'internal error',
});

/**
 * The wire form of whatever a handler threw. HotlineErrors keep kind, code, field and details;
 * bodies already mapped by the exception filter pass through; anything else becomes 'internal'.
 */
export const toErrorBody = (error: unknown): ErrorBody => {
  if (error instanceof HotlineError) return error.toBody();
  if (isErrorBody(error)) return error;
  return internalErrorBody();
};
