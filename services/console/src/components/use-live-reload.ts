import { useEffect, useRef } from 'react';
import { useLive, type LiveCaseEvent } from '../live/use-live';

/**
 * Reloads on live case events that `matches`, at most once per `windowMs`: a burst (a mass
 * incident) gives one reload at once and one at the end of the window, so the last change is shown.
 */
export function useLiveReload(
  reload: () => void,
  matches: (event: LiveCaseEvent) => boolean = () => true,
  windowMs = 3000,
): void {
  const last = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ reload, matches });
  latest.current = { reload, matches };
  useEffect(() => () => clearTimeout(pending.current), []);
  useLive((event) => {
    if (!latest.current.matches(event) || pending.current !== undefined) return;
    const wait = last.current + windowMs - Date.now();
    const run = () => {
      pending.current = undefined;
      last.current = Date.now();
      latest.current.reload();
    };
    if (wait <= 0) run();
    else pending.current = setTimeout(run, wait);
  });
}
