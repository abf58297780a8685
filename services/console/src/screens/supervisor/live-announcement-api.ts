import type { LiveAnnouncementView } from '@hotline/contracts';
import { apiGet, apiPost } from '../../api/http';

export type { LiveAnnouncementView };

export interface AnnouncementWords {
  'zh-CN': string;
  en?: string;
}

/** The live announcement of the IVR (`/api/telephony/announcement`), commands with their own ids. */
export const liveAnnouncementApi = {
  get: () => apiGet<LiveAnnouncementView>('/api/telephony/announcement'),
  set: (text: AnnouncementWords, until: string | undefined, commandId: string) =>
    apiPost<{ position: number }>('/api/telephony/announcement', {
      commandId,
      text,
      ...(until !== undefined ? { until } : {}),
    }),
  clear: (commandId: string) =>
    apiPost<{ position: number }>('/api/telephony/announcement/clear', { commandId }),
};
