import { runIvrFlow, type IvrCallReport, type IvrFlowDocument } from '@hotline/contracts';
import { BrowserMedia, type CallLine } from './browser-media';
import { simulatedPlatform, type PlatformStep, type SimulationSettings } from './simulated-platform';

/** A line of the test call's transcript: the caller's side, or what the simulated platform did. */
export type TestCallLine = CallLine | { kind: 'platform'; step: PlatformStep };

export interface TestCall {
  media: BrowserMedia;
  /** The engine's report once the call ends: the path through the flow and its outcome. */
  done: Promise<IvrCallReport>;
}

let calls = 0;

/**
 * One test call through a flow as edited (not yet published): the sipapp's own engine, the browser's
 * media port and the simulated platform. Nothing leaves the browser.
 */
export function startTestCall(
  flow: IvrFlowDocument,
  settings: SimulationSettings,
  onLine: (line: TestCallLine) => void,
): TestCall {
  const media = new BrowserMedia(onLine);
  const services = simulatedPlatform(settings, (step) => onLine({ kind: 'platform', step }));
  calls += 1;
  const done = runIvrFlow({
    callId: `test-call-${calls}`,
    callerNumber: '13800000000',
    flow,
    media,
    services,
  });
  return { media, done };
}
