import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SpanKind } from '@opentelemetry/api';
import type { Clock } from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { EventBus } from '@hotline/infra/bus';
import type { EventStore } from '@hotline/infra/event-store';
import { Reactor } from '@hotline/infra/reactor';
import { withSpan, type Logger } from '@hotline/infra/telemetry';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import type { ProjectionSource } from '@hotline/infra/projection';
import { AgentCalls } from '../agents/agent-calls';
import { AgentPhones } from '../agents/agent-phones';
import { BusIvrServices } from '../calls/bus-ivr-services';
import { IvrCallRunner } from '../calls/ivr-call-runner';
import { RecordingArchive } from '../calls/recording-archive';
import { CityWorkingCalendar } from '../calls/city-working-calendar';
import { liveAnnouncementText, publishedFlow } from '../flows/telephony.endpoints';
import { DtmfListener } from '../media/dtmf-listener';
import type { DtmfRelay } from '../media/dtmf-relay';
import { defaultHoldMusic, ensurePromptFiles } from '../media/prompt-files';
import { RtpengineControl } from '../media/rtpengine-control';
import { CallingHours } from '../outbound/calling-hours';
import { OutboundDialer } from '../outbound/outbound-dialer';
import { placeOutboundCall } from '../outbound/place-outbound-call';
import type { SipappConfig } from '../sipapp.config';
import { DrachtioConnection } from './drachtio-connection';
import { answerIncomingCalls } from './incoming-calls';

export interface SipEdgeDeps {
  config: SipappConfig & { DRACHTIO_URL: string };
  store: EventStore;
  clock: Clock;
  logger: Logger;
  bus: BusRequests;
  /** The platform's event bus: the outbound dialer consumes requested calls from it. */
  events: EventBus;
  /** The platform's attachment store directory: confirmed recordings are kept there as WAV. */
  attachmentsDir: string;
  /** Several replicas (distributed mode): keys for another replica's calls are passed on through it. */
  dtmfRelay?: DtmfRelay;
  /** The platform's event source: routing's offers ring agents' phones for the callers queued here. */
  routerEvents?: ProjectionSource;
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
    private readonly calendar: CityWorkingCalendar,
    private readonly agents: AgentCalls | undefined,
    private readonly archive: RecordingArchive | undefined,
  ) {}

  /** The outbound dialer and its consumer, once started; `closed` stops a start still waiting for srf. */
  private dialing: { dialer: OutboundDialer; reactor: Reactor } | undefined;
  private closed = false;

  static async start(deps: SipEdgeDeps): Promise<SipEdge> {
    const { config, store, clock, logger, bus } = deps;
    const recordingDir = config.SIPAPP_RECORDING_DIR;
    const handlerDeps = { store, clock, logger };
    const control = RtpengineControl.at(config.RTPENGINE_NG);
    const dtmf = await DtmfListener.listen(config.SIPAPP_DTMF_PORT, config.SIPAPP_DTMF_HOST, deps.dtmfRelay);
    // The city's declared days, for the IVR's business hours and the calling days; read in the background.
    const calendar = new CityWorkingCalendar({ bus, clock, logger });
    void calendar.start();
    const connection = new DrachtioConnection(config.DRACHTIO_URL, config.DRACHTIO_SECRET, logger);
    const agents = deps.routerEvents
      ? new AgentCalls(
          {
            srf: connection.srf,
            bus,
            phones: new AgentPhones(bus),
            logger,
            positionEveryMs: config.SIPAPP_QUEUE_POSITION_SECONDS * 1000,
            ...(config.SIPAPP_OUTBOUND_GATEWAY
              ? { trunk: { gateway: config.SIPAPP_OUTBOUND_GATEWAY, callerId: config.SIPAPP_CALLER_ID } }
              : {}),
          },
          deps.routerEvents,
        )
      : undefined;
    await agents?.start();
    const archive = recordingDir
      ? new RecordingArchive({ recordingDir, store: new FileAttachmentStore(deps.attachmentsDir), logger })
      : undefined;
    const runner = new IvrCallRunner({
      ...handlerDeps,
      services: new BusIvrServices({
        bus,
        clock,
        logger,
        calendar,
        liveAnnouncement: (language) => liveAnnouncementText(handlerDeps, language),
        ...(agents ? { agents } : {}),
        ...(archive ? { recordings: archive } : {}),
      }),
      currentFlow: () => publishedFlow(handlerDeps, config.SIPAPP_FLOW_ID),
    });
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
      ...(agents ? { agents } : {}),
      ...(archive && config.SIPAPP_RECORD_CALLS ? { recordings: archive } : {}),
      holdMusic: config.SIPAPP_HOLD_MUSIC ?? defaultHoldMusic(config.SIPAPP_PROMPT_DIR),
    });
    const prompts = new AbortController();
    // Made in the background: the first calls of a new install may hear silence where a file is missing.
    ensurePromptFiles(config.SIPAPP_PROMPT_DIR, undefined, prompts.signal).catch((error: unknown) => {
      if (!prompts.signal.aborted)
        logger.error({ err: error }, 'prompt files could not be made (espeak-ng and sox installed?)');
    });
    connection.start();
    const edge = new SipEdge(connection, control, dtmf, prompts, calendar, agents, archive);
    const gateway = config.SIPAPP_OUTBOUND_GATEWAY;
    if (gateway)
      edge
        .startDialer(deps, gateway)
        .catch((error: unknown) =>
          logger.error({ err: error }, 'the outbound dialer did not start: outbound calls are not dialed'),
        );
    return edge;
  }

  /**
   * The outbound dialer, once srf is connected: the calls requested and never dialed first, then each
   * new request from the bus.
   */
  private async startDialer(deps: SipEdgeDeps, gateway: string): Promise<void> {
    const { config, store, clock, logger } = deps;
    const { connection, control, dtmf } = this;
    await connection.firstConnected;
    if (this.closed) return;
    const dialer = new OutboundDialer({
      handler: { store, clock, logger },
      logger,
      dialerId: `${hostname().slice(0, 40)}-${randomBytes(4).toString('hex')}`,
      maxCalls: config.SIPAPP_OUTBOUND_MAX_CALLS,
      callingHours: CallingHours.parse(
        config.SIPAPP_CALLING_HOURS,
        config.SIPAPP_CALLING_DAYS === 'working' ? (at) => this.calendar.isWorkingDay(at) : undefined,
      ),
      // One span per outbound call (kind client), as each incoming call has its own.
      place: (call) =>
        withSpan(
          'sip INVITE',
          {
            'sip.method': 'INVITE',
            'hotline.call_id': call.callId,
            'hotline.outbound.purpose': call.purpose,
          },
          async (span) => {
            const result = await placeOutboundCall(
              {
                srf: connection.srf,
                control,
                dtmf,
                promptDir: config.SIPAPP_PROMPT_DIR,
                spokenDir: join(config.SIPAPP_PROMPT_DIR, 'spoken'),
                gateway,
                callerId: config.SIPAPP_CALLER_ID,
                maxRingSeconds: config.SIPAPP_OUTBOUND_RING_SECONDS,
                keyTimeoutMs: config.SIPAPP_OUTBOUND_KEY_SECONDS * 1000,
                keyAttempts: config.SIPAPP_OUTBOUND_KEY_ATTEMPTS,
                now: () => clock.now().getTime(),
                logger,
                ...(this.archive && config.SIPAPP_RECORD_CALLS ? { recordings: this.archive } : {}),
              },
              call,
            );
            span.setAttributes({
              'hotline.outbound.outcome': result.outcome,
              ...(result.sipStatus ? { 'sip.status_code': result.sipStatus } : {}),
            });
            return result;
          },
          SpanKind.CLIENT,
        ),
    });
    const reactor = new Reactor(deps.events, dialer.reactor(), logger);
    this.dialing = { dialer, reactor };
    const recovered = await dialer.recover();
    if (recovered.queued + recovered.abandoned > 0)
      logger.info(recovered, 'outbound calls requested and not dialed queued, abandoned ones finished');
    if (!this.closed) await reactor.start();
  }

  get connected(): boolean {
    return this.connection.isConnected;
  }

  async close(): Promise<void> {
    this.prompts.abort();
    this.calendar.stop();
    this.closed = true;
    await this.dialing?.reactor.stop();
    await this.dialing?.dialer.close();
    await this.agents?.stop();
    this.connection.close();
    this.control.close();
    await this.dtmf.close();
  }
}
