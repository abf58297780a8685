import type { IvrFlowDocument, IvrFlowView, LiveAnnouncementView } from '@hotline/contracts';
import { apiGet, apiPost } from '../../api/http';

export type { IvrFlowView, LiveAnnouncementView };

/** The flow new calls take: the sipapp answers the shipped default as version 0. */
export const MAIN_FLOW_ID = 'main';

/** The IVR's routes of the gateway (`/api/telephony`), each command with its client-supplied id. */
export const ivrApi = {
  flow: (flowId = MAIN_FLOW_ID) => apiGet<IvrFlowView>(`/api/telephony/flows/${encodeURIComponent(flowId)}`),
  /** `baseVersion`: the version the edit started from; a newer one published meanwhile refuses it. */
  publish: (flow: IvrFlowDocument, baseVersion: number, commandId: string) =>
    apiPost<{ position: number }>('/api/telephony/flows/publish', { commandId, flow, baseVersion }),
};
