import { useCallback, useState } from 'react';
import { newCommandId } from '../../api/http';
import { useRequest } from '../../components/use-request';
import {
  liveAnnouncementApi,
  type AnnouncementWords,
  type LiveAnnouncementView,
} from './live-announcement-api';

export interface LiveAnnouncement {
  view: LiveAnnouncementView | undefined;
  busy: boolean;
  error: unknown;
  /** True once the sipapp took the words. */
  set: (text: AnnouncementWords, until: string | undefined, commandId?: string) => Promise<boolean>;
  clear: () => Promise<boolean>;
}

/** The IVR's live announcement as the supervisor seat reads and changes it (the card, a surge banner). */
export function useLiveAnnouncement(): LiveAnnouncement {
  const [round, setRound] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const current = useRequest(() => liveAnnouncementApi.get(), `announcement-${round}`);
  const act = useCallback(async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
      setRound((r) => r + 1);
    }
  }, []);
  return {
    view: current.data,
    busy,
    error: error ?? current.error,
    set: (text, until, commandId = newCommandId()) =>
      act(() => liveAnnouncementApi.set(text, until, commandId)),
    clear: () => act(() => liveAnnouncementApi.clear(newCommandId())),
  };
}
