import type { CommandOf, EventOf } from '../messages/define';
import { GetCallRecording, SearchCallRecordings } from './call-recording.messages';
import { ivrCallEvents } from './ivr-call.messages';
import {
  GetIvrFlow,
  GetLiveAnnouncement,
  ivrFlowCommands,
  ivrFlowEvents,
  liveAnnouncementCommands,
  liveAnnouncementEvents,
} from './ivr-flow.messages';
import { outboundCallCommands, outboundCallEvents } from './outbound-call.messages';

export type IvrFlowCommand = CommandOf<(typeof ivrFlowCommands)[number]>;
export type IvrFlowEvent = EventOf<(typeof ivrFlowEvents)[number]>;
export type LiveAnnouncementCommand = CommandOf<(typeof liveAnnouncementCommands)[number]>;
export type LiveAnnouncementEvent = EventOf<(typeof liveAnnouncementEvents)[number]>;
export type OutboundCallCommand = CommandOf<(typeof outboundCallCommands)[number]>;
export type OutboundCallEvent = EventOf<(typeof outboundCallEvents)[number]>;
export type IvrCallEvent = EventOf<(typeof ivrCallEvents)[number]>;

export const telephonyDefinitions = [
  ...ivrFlowCommands,
  ...ivrFlowEvents,
  ...liveAnnouncementCommands,
  ...liveAnnouncementEvents,
  ...outboundCallCommands,
  ...outboundCallEvents,
  ...ivrCallEvents,
  GetIvrFlow,
  GetLiveAnnouncement,
  SearchCallRecordings,
  GetCallRecording,
] as const;
