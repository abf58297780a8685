import { useEffect, useState } from 'react';

/** A number that grows every `everyMs` (0: never): as a `useRequest` key, it reloads on that beat. */
export function useTicker(everyMs: number): number {
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (everyMs <= 0) return undefined;
    const timer = setInterval(() => setRound((r) => r + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return round;
}
