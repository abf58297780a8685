import { useCallback, useEffect, useRef, useState } from 'react';
import { useEventStream } from '../../live/use-live';
import { applyBoardMessage, shownBoard, type ShownBoard } from './board-state';
import { BOARD_LIVE_URL, supervisorApi, type WallboardMessage } from './supervisor-api';

/** While the live channel is down, the board is read this often instead. */
export const POLL_MS = 10_000;

export interface Wallboard {
  board: ShownBoard | undefined;
  /** Pushed (true) or read every POLL_MS because the live channel is down (false). */
  live: boolean;
  /** The last read failed (shown only while there is no board at all). */
  error: unknown;
  /** Reads the board now (after an action, when the live channel is down). */
  reload: () => void;
}

/**
 * The wallboard pushed over `GET /api/routing/board/live`: the whole board, then its changes within
 * a second. When the channel is down (a proxy without streaming, a restart) the board is read every
 * POLL_MS until it is back.
 */
export function useWallboard(): Wallboard {
  const [board, setBoard] = useState<ShownBoard | undefined>(undefined);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const latestRead = useRef(0);

  const reload = useCallback(() => {
    const ticket = ++latestRead.current;
    supervisorApi.board().then(
      (read) => {
        if (ticket !== latestRead.current) return;
        setBoard(shownBoard(read, Date.now()));
        setError(undefined);
      },
      (failure: unknown) => {
        if (ticket === latestRead.current) setError(failure);
      },
    );
  }, []);

  useEventStream<WallboardMessage>(
    BOARD_LIVE_URL,
    'board',
    (message) => {
      // A pushed board is newer than any read still on its way.
      latestRead.current++;
      setBoard((shown) => applyBoardMessage(shown, message, Date.now()));
      setError(undefined);
      // The whole board, or after a dropped connection (the browser sends the last board's id) what
      // changed since: either way the board shown is whole again.
      setLive(true);
    },
    (connected) => {
      // Live once a board message has come; down at once, so polling starts.
      if (!connected) setLive(false);
    },
  );

  useEffect(() => {
    if (live) return undefined;
    reload();
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [live, reload]);

  return { board, live, error, reload };
}
