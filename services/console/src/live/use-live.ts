import { useEffect, useRef } from 'react';

/** A `case` event of `/api/live`, scoped by the gateway to what the user may see. */
export interface LiveCaseEvent {
  caseId: string;
  type: string;
  unitIds: string[];
  districtId: string;
  position: string | number;
}

const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/** Calls `onEvent` for each live case event of `/api/live` (see `useEventStream`). */
export function useLive(onEvent: (event: LiveCaseEvent) => void, enabled = true): void {
  useEventStream<LiveCaseEvent>(enabled ? '/api/live' : null, 'case', onEvent);
}

/**
 * Calls `onEvent` with each `eventName` event of the Server-Sent Events at `url` (none while `url` is
 * null). EventSource retries by itself after a dropped connection, but gives up for good after an
 * HTTP error (a restart, an expired session), so this opens a new one with backoff then.
 * `onConnected` hears whether the stream is open (true) or down, retrying (false).
 */
export function useEventStream<T>(
  url: string | null,
  eventName: string,
  onEvent: (event: T) => void,
  onConnected?: (connected: boolean) => void,
): void {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const connection = useRef(onConnected);
  connection.current = onConnected;

  useEffect(() => {
    if (url === null || typeof EventSource === 'undefined') {
      connection.current?.(false);
      return undefined;
    }
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = RETRY_MIN_MS;
    let stopped = false;

    const open = () => {
      source = new EventSource(url, { withCredentials: true });
      source.addEventListener('open', () => {
        delay = RETRY_MIN_MS;
        connection.current?.(true);
      });
      source.addEventListener(eventName, (message: MessageEvent<string>) => {
        try {
          handler.current(JSON.parse(message.data) as T);
        } catch {
          // A malformed event is skipped; the next refresh shows the truth anyway.
        }
      });
      source.addEventListener('error', () => {
        if (!stopped) connection.current?.(false);
        if (source?.readyState !== EventSource.CLOSED || stopped) return;
        timer = setTimeout(open, delay);
        delay = Math.min(delay * 2, RETRY_MAX_MS);
      });
    };
    open();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      source?.close();
    };
  }, [url, eventName]);
}
