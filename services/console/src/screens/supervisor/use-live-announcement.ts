import { useState } from 'react';
import { useRequest } from '../../components/use-request';
import { useSettingsCommand } from '../admin/use-settings-command';
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
  set: (text: AnnouncementWords, until: string | undefined) => Promise<boolean>;
  clear: () => Promise<boolean>;
}

/**
 * The IVR's live announcement as the supervisor seat reads and changes it (the card, a surge banner).
 * Setting and clearing each keep their command id across a retry after a lost answer, so a retry
 * applies once, and never share one (a clear is never answered with an earlier set's result).
 */
export function useLiveAnnouncement(): LiveAnnouncement {
  const [round, setRound] = useState(0);
  const setting = useSettingsCommand();
  const clearing = useSettingsCommand();
  const current = useRequest(() => liveAnnouncementApi.get(), `announcement-${round}`);
  const done = (position: number | undefined) => {
    setRound((r) => r + 1);
    return position !== undefined;
  };
  return {
    view: current.data,
    busy: setting.busy || clearing.busy,
    error: setting.error ?? clearing.error ?? current.error,
    set: async (text, until) =>
      done(await setting.run((commandId) => liveAnnouncementApi.set(text, until, commandId))),
    clear: async () => done(await clearing.run((commandId) => liveAnnouncementApi.clear(commandId))),
  };
}
