import { join } from 'node:path';
import type { Clock } from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { EventStore } from '@hotline/infra/event-store';
import type { Logger } from '@hotline/infra/telemetry';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import { BusIvrServices } from '../calls/bus-ivr-services';
import { IvrCallRunner } from '../calls/ivr-call-runner';
import { RecordingArchive } from '../calls/recording-archive';
import { liveAnnouncementText, publishedFlow } from '../flows/telephony.endpoints';
import { DtmfListener } from '../media/dtmf-listener';
import type { DtmfRelay } from '../media/dtmf-relay';
import { ensurePromptFiles } from '../media/prompt-files';
import { RtpengineControl } from '../media/rtpengine-control';
import type { SipappConfig } from '../sipapp.config';
import { DrachtioConnection } from './drachtio-connection';
import { answerIncomingCalls } from './incoming-calls';

export interface SipEdgeDeps {
  config: SipappConfig & { DRACHTIO_URL: string };
  store: EventStore;
  clock: Clock;
  logger: Logger;
  bus: BusRequests;
  /** The platform's attachment store directory: confirmed recordings are kept there as WAV. */
  attachmentsDir: string;
  /** Several replicas (distributed mode): keys for another replica's calls are passed on through it. */
  dtmfRelay?: DtmfRelay;
}

/**
 * The telephone edge with telephony on: rtpengine's control and DTMF log, the prompt files, the IVR
 * runner on the platform's bus, and the drachtio-srf application answering calls.
 */
export class SipEdge {
  private constructor(
    private readonly connection: DrachtioConnection,
    private readonly control: RtpengineControl,
    private readonly dtmf: DtmfListener,
    private readonly prompts: AbortController,
  ) {}

  static async start(deps: SipEdgeDeps): Promise<SipEdge> {
    const { config, store, clock, logger, bus } = deps;
    const recordingDir = config.SIPAPP_RECORDING_DIR;
    const handlerDeps = { store, clock, logger };
    const control = RtpengineControl.at(config.RTPENGINE_NG);
    const dtmf = await DtmfListener.listen(config.SIPAPP_DTMF_PORT, config.SIPAPP_DTMF_HOST, deps.dtmfRelay);
    const runner = new IvrCallRunner({
      ...handlerDeps,
      services: new BusIvrServices({
        bus,
        clock,
        logger,
        liveAnnouncement: (language) => liveAnnouncementText(handlerDeps, language),
        ...(recordingDir
          ? {
              recordings: new RecordingArchive({
                recordingDir,
                store: new FileAttachmentStore(deps.attachmentsDir),
                logger,
              }),
            }
          : {}),
      }),
      currentFlow: () => publishedFlow(handlerDeps, config.SIPAPP_FLOW_ID),
    });
    const connection = new DrachtioConnection(config.DRACHTIO_URL, config.DRACHTIO_SECRET, logger);
    answerIncomingCalls({
      srf: connection.srf,
      runner,
      control,
      dtmf,
      promptDir: config.SIPAPP_PROMPT_DIR,
      spokenDir: join(config.SIPAPP_PROMPT_DIR, 'spoken'),
      recordingDir,
      logger,
      ready: () => control.ping(),
      ringMs: config.SIPAPP_RING_MS,
    });
    const prompts = new AbortController();
    // Made in the background: the first calls of a new install may hear silence where a file is missing.
    ensurePromptFiles(config.SIPAPP_PROMPT_DIR, undefined, prompts.signal).catch((error: unknown) => {
      if (!prompts.signal.aborted)
        logger.error({ err: error }, 'prompt files could not be made (espeak-ng and sox installed?)');
    });
    connection.start();
    return new SipEdge(connection, control, dtmf, prompts);
  }

  get connected(): boolean {
    return this.connection.isConnected;
  }

  async close(): Promise<void> {
    this.prompts.abort();
    this.connection.close();
    this.control.close();
    await this.dtmf.close();
  }
}
