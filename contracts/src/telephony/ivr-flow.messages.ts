import { z } from 'zod';
import { defineCommand, defineEvent, defineQuery } from '../messages/define';
import { freeText } from '../messages/personal-data';
import { IsoDateTime } from '../workflow/case.values';
import { IvrFlowDocument } from './ivr-flow.schema';
import { FlowId, IVR_FLOW_CATEGORY, LIVE_ANNOUNCEMENT_CATEGORY, TELEPHONY_SERVICE } from './telephony.values';

export const PublishIvrFlow = defineCommand({
  type: 'PublishIvrFlow',
  service: TELEPHONY_SERVICE,
  summary:
    'Publish a new version of an IVR flow; refused naming the node and reason when a node is unreachable, a target missing or a loop has no exit. New calls take it, calls in progress keep theirs.',
  schema: z.object({
    flow: IvrFlowDocument,
    /**
     * The version the edit started from (0: the shipped default): a flow published meanwhile by
     * someone else is not overwritten, the publish is refused (IVR_FLOW_VERSION_STALE).
     */
    baseVersion: z.number().int().min(0),
  }),
});

export const IvrFlowPublished = defineEvent({
  type: 'IvrFlowPublished',
  version: 1,
  category: IVR_FLOW_CATEGORY,
  summary: 'A validated version of an IVR flow; the newest version answers new calls.',
  schema: z.object({ flowId: FlowId, version: z.number().int().min(1), flow: IvrFlowDocument }),
});

const AnnouncementText = freeText(z.string().trim().min(1).max(300));

export const SetLiveAnnouncement = defineCommand({
  type: 'SetLiveAnnouncement',
  service: TELEPHONY_SERVICE,
  summary:
    'A supervisor sets the announcement played to every caller before the menu during a mass incident ("district X has a power outage…"), until a time or until cleared.',
  schema: z.object({
    text: z.object({ 'zh-CN': AnnouncementText, en: AnnouncementText.optional() }),
    until: IsoDateTime.optional(),
  }),
});

export const ClearLiveAnnouncement = defineCommand({
  type: 'ClearLiveAnnouncement',
  service: TELEPHONY_SERVICE,
  summary: 'Stop playing the live announcement.',
  schema: z.object({}),
});

export const LiveAnnouncementSet = defineEvent({
  type: 'LiveAnnouncementSet',
  version: 1,
  category: LIVE_ANNOUNCEMENT_CATEGORY,
  summary: 'Callers hear this announcement before the menu until it expires or is cleared.',
  schema: SetLiveAnnouncement.schema.extend({ setBy: z.string() }),
});

export const LiveAnnouncementCleared = defineEvent({
  type: 'LiveAnnouncementCleared',
  version: 1,
  category: LIVE_ANNOUNCEMENT_CATEGORY,
  summary: 'The live announcement is no longer played.',
  schema: z.object({ clearedBy: z.string() }),
});

export const GetIvrFlow = defineQuery({
  type: 'GetIvrFlow',
  service: TELEPHONY_SERVICE,
  summary: 'The newest published version of an IVR flow (the shipped default until one is published).',
  schema: z.object({ flowId: FlowId }),
});

export const GetLiveAnnouncement = defineQuery({
  type: 'GetLiveAnnouncement',
  service: TELEPHONY_SERVICE,
  summary: 'The live announcement callers hear now (none once cleared or expired), with who set it and when.',
  schema: z.object({}),
});

/** Who changed a flow or the announcement, as the console names them (never an id on screen). */
export interface TelephonyChangedBy {
  name?: string;
  gatewayRole?: string;
}

/** `GetIvrFlow`'s answer: the version new calls take; version 0 is the shipped default. */
export interface IvrFlowView {
  version: number;
  flow: IvrFlowDocument;
  publishedAt?: string;
  publishedBy?: TelephonyChangedBy;
}

/** `GetLiveAnnouncement`'s answer: `text` only while callers hear it. */
export interface LiveAnnouncementView {
  text?: { 'zh-CN': string; en?: string };
  until?: string;
  setAt?: string;
  setBy?: TelephonyChangedBy;
}

export const ivrFlowCommands = [PublishIvrFlow] as const;
export const ivrFlowEvents = [IvrFlowPublished] as const;
export const liveAnnouncementCommands = [SetLiveAnnouncement, ClearLiveAnnouncement] as const;
export const liveAnnouncementEvents = [LiveAnnouncementSet, LiveAnnouncementCleared] as const;
