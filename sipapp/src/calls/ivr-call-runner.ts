import {
  IVR_CALL_CATEGORY,
  IvrCallEnded,
  runIvrFlow,
  systemActor,
  type CallRecording,
  type Clock,
  type IvrCallReport,
  type IvrMedia,
  type IvrServices,
} from '@hotline/contracts';
import { deriveEventId } from '@hotline/infra/command';
import type { EventStore } from '@hotline/infra/event-store';
import type { Logger } from '@hotline/infra/telemetry';
import type { PublishedFlow } from '../flows/telephony.endpoints';

export interface IvrCallRunnerDeps {
  store: EventStore;
  clock: Clock;
  logger: Logger;
  services: IvrServices;
  /** The flow version new calls take, read when the call starts. */
  currentFlow: () => Promise<PublishedFlow>;
}

/**
 * Runs one answered call through the current flow and stores how it went (`ivrCall-<callId>`,
 * `IvrCallEnded`): its flow version, path, outcome, and the contact or case it made. The media port
 * is the call's (rtpengine, FreeSWITCH, the browser panel, or a test's scripted one).
 */
export class IvrCallRunner {
  constructor(private readonly deps: IvrCallRunnerDeps) {}

  async run(call: {
    callId: string;
    callerNumber?: string;
    media: IvrMedia;
    /** Ends the call's recording once the flow is done and keeps it; its reference goes on `IvrCallEnded`. */
    finishRecording?: () => Promise<CallRecording | undefined>;
  }): Promise<IvrCallReport> {
    const startedAt = this.deps.clock.now().toISOString();
    const { version, flow } = await this.deps.currentFlow();
    let report: IvrCallReport;
    try {
      report = await runIvrFlow({ ...call, flow, services: this.deps.services });
    } catch (error) {
      this.deps.logger.error({ err: error, callId: call.callId }, 'IVR call failed');
      await call.media.hangup().catch(() => undefined);
      report = {
        callId: call.callId,
        flowId: flow.flowId,
        language: flow.defaultLanguage,
        path: [],
        outcome: 'failed',
        variables: {},
        recordings: [],
        surveyAnswers: {},
      };
    }
    const recording = await call.finishRecording?.().catch((error: unknown) => {
      this.deps.logger.error({ err: error, callId: call.callId }, 'the call recording could not be kept');
      return undefined;
    });
    await this.record(report, version, startedAt, call.callerNumber, recording);
    this.deps.logger.info(
      { callId: call.callId, flowVersion: version, outcome: report.outcome, steps: report.path.length },
      'IVR call ended',
    );
    return report;
  }

  private async record(
    report: IvrCallReport,
    version: number,
    startedAt: string,
    callerNumber?: string,
    recording?: CallRecording,
  ) {
    const data = IvrCallEnded.schema.parse({
      callId: report.callId,
      flowId: report.flowId,
      flowVersion: version,
      ...(callerNumber ? { callerNumber } : {}),
      startedAt,
      language: report.language,
      path: report.path.slice(0, 500),
      outcome: report.outcome,
      ...(report.contactId ? { contactId: report.contactId } : {}),
      ...(report.caseNumber ? { caseNumber: report.caseNumber } : {}),
      ...(report.agentId ? { agentId: report.agentId } : {}),
      surveyAnswers: report.surveyAnswers,
      ...(recording ? { recording } : {}),
    });
    const streamId = `${IVR_CALL_CATEGORY}-${report.callId}`;
    const id = deriveEventId(streamId, `${report.callId}:ended`, 0);
    await this.deps.store.append(
      streamId,
      [
        {
          id,
          type: IvrCallEnded.type,
          version: IvrCallEnded.version,
          data,
          time: this.deps.clock.now().toISOString(),
          metadata: {
            correlationId: report.callId,
            causationId: report.callId,
            actor: systemActor('sipapp'),
            districtId: 'city',
          },
        },
      ],
      'noStream',
    );
  }
}
