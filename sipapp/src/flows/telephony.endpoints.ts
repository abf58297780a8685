import {
  DEFAULT_IVR_FLOW,
  GetIvrFlow,
  GetLiveAnnouncement,
  NotFoundError,
  ivrFlowCommands,
  liveAnnouncementCommands,
  outboundCallCommands,
  type IvrFlowDocument,
  type IvrFlowView,
  type LiveAnnouncementView,
  type PromptLanguage,
  type RecordedEvent,
  type TelephonyChangedBy,
} from '@hotline/contracts';
import { commandEndpoint, queryEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { outboundCallAggregate } from '../outbound/outbound-call.decider';
import { ivrFlowAggregate } from './ivr-flow.aggregate';
import {
  LIVE_ANNOUNCEMENT_ID,
  currentAnnouncement,
  liveAnnouncementAggregate,
} from './live-announcement.decider';

/** A flow as the engine runs it: the document and the version a call records. */
export interface PublishedFlow {
  version: number;
  flow: IvrFlowDocument;
}

/**
 * The newest version of a flow, read from its stream at the start of each call (a call keeps the
 * version it started with). The shipped default answers as version 0 until `main` is published.
 */
export async function publishedFlow(deps: CommandHandlerDeps, flowId: string): Promise<PublishedFlow> {
  const { state } = await ivrFlowAggregate.load(deps.store, flowId);
  if (state.flow !== undefined) return { version: state.version, flow: state.flow };
  return shippedFlow(flowId);
}

/** `GetIvrFlow`: the newest version with who published it and when (the console shows both). */
export async function ivrFlowView(deps: CommandHandlerDeps, flowId: string): Promise<IvrFlowView> {
  const { state, events } = await ivrFlowAggregate.load(deps.store, flowId);
  const last = events.at(-1);
  if (state.flow === undefined || last === undefined) return shippedFlow(flowId);
  return { version: state.version, flow: state.flow, publishedAt: last.time, publishedBy: changedBy(last) };
}

function shippedFlow(flowId: string): PublishedFlow {
  if (flowId === DEFAULT_IVR_FLOW.flowId) return { version: 0, flow: DEFAULT_IVR_FLOW };
  throw new NotFoundError('IVR flow', flowId);
}

/** `GetLiveAnnouncement`: the words callers hear now, with who set them and when; empty when none. */
export async function liveAnnouncementView(deps: CommandHandlerDeps): Promise<LiveAnnouncementView> {
  const { state, events } = await liveAnnouncementAggregate.load(deps.store, LIVE_ANNOUNCEMENT_ID);
  const last = events.at(-1);
  if (last === undefined || currentAnnouncement(state, deps.clock.now(), 'zh-CN') === undefined) return {};
  return {
    ...(state.text ? { text: state.text } : {}),
    ...(state.until ? { until: state.until } : {}),
    setAt: last.time,
    setBy: changedBy(last),
  };
}

/** Who wrote an event, by name and role: the console never shows an id. */
function changedBy(event: RecordedEvent): TelephonyChangedBy {
  const { name, gatewayRole } = event.metadata.actor;
  return { ...(name ? { name } : {}), ...(gatewayRole ? { gatewayRole } : {}) };
}

/** The live announcement in a language, now. */
export async function liveAnnouncementText(
  deps: CommandHandlerDeps,
  language: PromptLanguage,
): Promise<string | undefined> {
  const { state } = await liveAnnouncementAggregate.load(deps.store, LIVE_ANNOUNCEMENT_ID);
  return currentAnnouncement(state, deps.clock.now(), language);
}

/** Flows, the live announcement and outbound calls on the bus. */
export const telephonyEndpoints = (deps: CommandHandlerDeps): BusEndpoint[] => [
  ...ivrFlowCommands.map((definition) =>
    commandEndpoint(definition, (command) =>
      handleCommand(deps, { aggregate: ivrFlowAggregate, id: command.data.flow.flowId, command }),
    ),
  ),
  ...liveAnnouncementCommands.map((definition) =>
    commandEndpoint(definition, (command) =>
      handleCommand(deps, { aggregate: liveAnnouncementAggregate, id: LIVE_ANNOUNCEMENT_ID, command }),
    ),
  ),
  ...outboundCallCommands.map((definition) =>
    commandEndpoint(definition, (command) =>
      handleCommand(deps, { aggregate: outboundCallAggregate, id: command.data.callId, command }),
    ),
  ),
  queryEndpoint(GetIvrFlow, (query) => ivrFlowView(deps, query.flowId)),
  queryEndpoint(GetLiveAnnouncement, () => liveAnnouncementView(deps)),
];
