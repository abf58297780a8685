import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DialOutboundCall, PlaceOutboundCall, systemActor } from '@hotline/contracts';
import { handleCommand, parseCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema } from '@hotline/infra/platform';
import { Reactor } from '@hotline/infra/reactor';
import type { DtmfListener } from '../media/dtmf-listener';
import { ensurePromptFiles } from '../media/prompt-files';
import { RtpengineControl } from '../media/rtpengine-control';
import { RtpCaller } from '../media/testing/rtp-caller';
import { DrachtioConnection } from '../sip/drachtio-connection';
import { DrachtioTestPeer } from '../testing/drachtio-test-peer/drachtio-test-peer';
import { listenForDtmfInTurn } from '../testing/dtmf-in-turn';
import { freeUdpPort } from '../testing/free-udp-port';
import { runSipp } from '../testing/sipp';
import { SipTestPhone, type IncomingCall } from '../testing/sip-test-phone';
import { CallingHours } from './calling-hours';
import { OutboundDialer } from './outbound-dialer';
import { outboundCallAggregate } from './outbound-call.decider';
import { placeOutboundCall, type PlaceOutboundCallDeps } from './place-outbound-call';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import { RecordingArchive } from '../calls/recording-archive';
import { peakToneShare } from '../testing/tone-level';
import { until } from '../testing/until';

// The drachtio-server test peer stands in for the server (TELEPHONY.md); srf, rtpengine and SIP are real.
const ng = process.env.RTPENGINE_NG;
const describeWithRtpengine = ng ? describe : describe.skip;

const ALL_DAY = CallingHours.parse('00:00-24:00');
let sequence = 0;

describeWithRtpengine(
  'the outbound dialer through srf, the test peer and a real rtpengine, to a test phone',
  () => {
    let dir: string;
    let peer: DrachtioTestPeer;
    let phone: SipTestPhone;
    let platform: Platform;
    let control: RtpengineControl;
    let dtmf: DtmfListener;
    let connection: DrachtioConnection;
    let handler: CommandHandlerDeps;
    let callDeps: PlaceOutboundCallDeps;
    const dialers: OutboundDialer[] = [];
    let reactor: Reactor;

    const dialer = (id: string, overrides: Partial<PlaceOutboundCallDeps> = {}, hours = ALL_DAY) => {
      const made = new OutboundDialer({
        handler,
        logger: platform.logger,
        dialerId: id,
        maxCalls: 4,
        callingHours: hours,
        place: (call) => placeOutboundCall({ ...callDeps, ...overrides }, call),
      });
      dialers.push(made);
      return made;
    };

    /** Places a survey call through the aggregate, as the bus endpoint does. */
    async function request(callId: string, extra: Record<string, unknown> = {}) {
      const data = {
        callId,
        purpose: 'survey',
        number: '13800138000',
        caseId: 'case-1',
        message: '您好，这里是12345回访。您的工单20261207001已办结，满意请按1，不满意请按3。',
        answers: { '1': 'satisfied', '3': 'dissatisfied' },
        ringSeconds: 5,
        ...extra,
      };
      const commandId = `dialer-int-${sequence++}`;
      const command = parseCommand(PlaceOutboundCall, {
        commandId,
        type: 'PlaceOutboundCall',
        data,
        metadata: {
          correlationId: commandId,
          causationId: commandId,
          actor: systemActor('survey'),
          districtId: 'city',
        },
      });
      await handleCommand(handler, { aggregate: outboundCallAggregate, id: callId, command });
    }

    const events = (callId: string) => platform.eventStore.readStreamOrEmpty(`outboundCall-${callId}`);
    const finished = (callId: string) =>
      until(
        async () =>
          (await events(callId)).find((e) => e.type === 'OutboundCallFinished')?.data as
            Record<string, unknown> | undefined,
        `call ${callId} finished`,
        40_000,
      );

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hotline-sipapp-dialer-'));
      await ensurePromptFiles(join(dir, 'prompts'), ['zh-CN']);
      peer = await DrachtioTestPeer.start();
      phone = await SipTestPhone.open();
      platform = await Platform.open(
        'sipapp',
        loadConfig(
          platformConfigSchema,
          { HOTLINE_MODE: 'embedded', HOTLINE_DATA_DIR: dir, READ_STORE: 'memory', LOG_LEVEL: 'warn' },
          'sipapp',
        ),
      );
      control = RtpengineControl.at(ng!);
      dtmf = await listenForDtmfInTurn(Number(process.env.RTPENGINE_DTMF_PORT));
      connection = new DrachtioConnection(peer.url, 'cymru', platform.logger);
      connection.start();
      await connection.firstConnected;
      const { eventStore: store, clock, logger } = platform;
      handler = { store, clock, logger };
      callDeps = {
        srf: connection.srf,
        control,
        dtmf,
        promptDir: join(dir, 'prompts'),
        spokenDir: join(dir, 'spoken'),
        gateway: phone.sipTarget,
        callerId: '12345',
        maxRingSeconds: 40,
        keyTimeoutMs: 4_000,
        keyAttempts: 2,
        now: () => Date.now(),
        logger,
        // Answered calls are recorded and kept, as the sipapp runs the dialer with a recording dir.
        recordings: new RecordingArchive({
          recordingDir: process.env.RTPENGINE_RECORDINGS!,
          store: new FileAttachmentStore(join(dir, 'attachments')),
          logger,
        }),
      };
      // The first dialer takes requests from the platform's event bus, as the sipapp runs it.
      reactor = new Reactor(platform.eventBus, dialer('sipapp-a').reactor(), logger);
      await reactor.start();
    }, 300_000);

    afterAll(async () => {
      await reactor?.stop();
      for (const made of dialers) await made.close();
      connection?.close();
      control?.close();
      await dtmf?.close();
      phone?.close();
      await peer?.close();
      await platform?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('rings the phone from the caller id, reads the question, takes the key 1 and hangs up: answered, satisfied, once', async () => {
      const rtp = await RtpCaller.open();
      let rung: IncomingCall | undefined;
      phone.whenRung((call) => {
        rung = call;
        call.ringing();
        setTimeout(() => {
          rtp.answered(call.offer);
          call.answer(rtp.sdp);
          // The callee's voice (a 1,000 Hz tone) before the key: the call's recording must hold it.
          void rtp.tone(800, 1_000).then(() => rtp.press('1'));
        }, 500);
      });
      await request('survey-dial-1');
      const outcome = await finished('survey-dial-1');
      expect(outcome).toMatchObject({
        outcome: 'answered',
        answer: 'satisfied',
        sipStatus: 200,
        purpose: 'survey',
        caseId: 'case-1',
      });
      expect(outcome.ringSeconds).toBeGreaterThanOrEqual(0.4);
      expect(outcome.talkSeconds).toBeGreaterThan(0.5);
      expect(rung?.caller).toBe('12345');
      // Recorded from the answer and kept: the callee's tone is in the WAV its recordingId names.
      expect(outcome.recording).toEqual({
        recordingId: expect.stringMatching(/^att-/),
        seconds: expect.any(Number),
      });
      const { recordingId } = outcome.recording as { recordingId: string };
      const kept = await new FileAttachmentStore(join(dir, 'attachments')).open(recordingId);
      expect(kept?.attachment.name).toBe('通话录音.wav');
      expect(peakToneShare(kept!.content, 1_000)).toBeGreaterThan(0.5);
      // The dialer hung up (BYE to the phone); the phone heard the question and the thanks as RTP.
      await rung!.hungUpByFarEnd;
      expect(rtp.received).toBeGreaterThan(50);
      expect((await events('survey-dial-1')).map((e) => e.type)).toEqual([
        'OutboundCallRequested',
        'OutboundCallDialed',
        'OutboundCallFinished',
      ]);
      rtp.close();
    }, 60_000);

    it('asks a poll’s questions in turn and records the key per question', async () => {
      const rtp = await RtpCaller.open();
      phone.whenRung((call) => {
        rtp.answered(call.offer);
        call.answer(rtp.sdp);
        // Keys pressed during the introduction wait for the questions that take them, in order.
        void rtp.talk(200).then(async () => {
          await rtp.press('1');
          await rtp.press('3');
        });
      });
      const scale = { '1': 'satisfied', '2': 'basically-satisfied', '3': 'dissatisfied' };
      await request('poll-dial-1', {
        message: '您好，这里是12345民意调查。',
        answers: undefined,
        questions: [
          {
            id: 'gulou-dongjie.service',
            message: '对鼓楼区东街街道的服务，满意请按1，不满意请按3。',
            answers: scale,
          },
          { id: 'gulou-dongjie.result', message: '对办理结果，满意请按1，不满意请按3。', answers: scale },
        ],
      });
      expect(await finished('poll-dial-1')).toMatchObject({
        outcome: 'answered',
        answers: { 'gulou-dongjie.service': 'satisfied', 'gulou-dongjie.result': 'dissatisfied' },
      });
      rtp.close();
    }, 60_000);

    it('records a phone that answers 486 as busy, with the SIP status', async () => {
      phone.whenRung((call) => call.reject(486, 'Busy Here'));
      await request('survey-dial-busy');
      expect(await finished('survey-dial-busy')).toMatchObject({ outcome: 'busy', sipStatus: 486 });
    }, 30_000);

    it('places a call two replicas both take once: one INVITE, one claim, one outcome', async () => {
      let invites = 0;
      phone.whenRung((call) => {
        invites += 1;
        call.reject(486, 'Busy Here');
      });
      const replica = dialer('sipapp-b');
      await request('survey-dial-twice');
      replica.enqueue((await events('survey-dial-twice'))[0]! as never);
      await finished('survey-dial-twice');
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // time for a second INVITE, were there one
      expect(invites).toBe(1);
      const types = (await events('survey-dial-twice')).map((e) => e.type);
      expect(types).toEqual(['OutboundCallRequested', 'OutboundCallDialed', 'OutboundCallFinished']);
    }, 30_000);

    it('cancels a phone that rings past the ring time: not answered, 487 after the CANCEL', async () => {
      let cancelled: Promise<unknown> | undefined;
      phone.whenRung((call) => {
        call.ringing();
        cancelled = call.cancelled;
      });
      await request('survey-dial-ring', { ringSeconds: 5 });
      const outcome = await finished('survey-dial-ring');
      expect(outcome).toMatchObject({
        outcome: 'no-answer',
        sipStatus: 487,
        reason: 'cancelled at the ring timeout',
      });
      expect(outcome.ringSeconds).toBeGreaterThanOrEqual(5);
      await expect(cancelled).resolves.toMatchObject({ method: 'CANCEL' });
    }, 30_000);

    it('records a call the media engine cannot set up as failed, and sends no INVITE', async () => {
      let rang = false;
      phone.whenRung((call) => {
        rang = true;
        call.reject(486, 'Busy Here');
      });
      await reactor.stop(); // this request is for the dialer whose media engine is down alone
      const down = RtpengineControl.at('127.0.0.1:9', 500); // discard: never answers
      const offline = dialer('sipapp-offline', { control: down });
      await request('survey-dial-nomedia');
      offline.enqueue((await events('survey-dial-nomedia'))[0]! as never);
      const outcome = await finished('survey-dial-nomedia');
      down.close();
      expect(outcome).toMatchObject({ outcome: 'failed' });
      expect(String(outcome.reason)).toMatch(/^the media engine did not set the call up/);
      expect(rang).toBe(false);
    }, 30_000);

    it('holds a survey call outside the calling hours and places a voice notice to a duty phone at once', async () => {
      const chinaHour = (new Date().getUTCHours() + 8) % 24;
      const away = String((chinaHour + 12) % 24).padStart(2, '0');
      const night = dialer('sipapp-night', {}, CallingHours.parse(`${away}:00-${away}:01`));
      const rtp = await RtpCaller.open();
      phone.whenRung((call) => {
        rtp.answered(call.offer);
        call.answer(rtp.sdp);
        void rtp.talk(200);
      });
      await request('survey-dial-night');
      await request('notice-dial-night', {
        purpose: 'voice-notice',
        message: '紧急通知。',
        answers: undefined,
        caseId: undefined,
      });
      night.enqueue((await events('survey-dial-night'))[0]! as never);
      night.enqueue((await events('notice-dial-night'))[0]! as never);
      expect(await finished('notice-dial-night')).toMatchObject({
        outcome: 'answered',
        purpose: 'voice-notice',
      });
      expect(rtp.received).toBeGreaterThan(50);
      expect((await events('survey-dial-night')).map((e) => e.type)).toEqual(['OutboundCallRequested']);
      rtp.close();
    }, 60_000);

    it('at start, queues the calls requested while no dialer ran and finishes a call whose dialer stopped mid-call', async () => {
      await request('survey-dial-lost');
      const claim = parseCommand(DialOutboundCall, {
        commandId: 'dial-by-a-dialer-that-stopped',
        type: 'DialOutboundCall',
        data: { callId: 'survey-dial-lost', dialer: 'sipapp-gone' },
        metadata: {
          correlationId: 'lost',
          causationId: 'lost',
          actor: systemActor('sipapp'),
          districtId: 'city',
        },
      });
      await handleCommand(handler, {
        aggregate: outboundCallAggregate,
        id: 'survey-dial-lost',
        command: claim,
      });
      await request('survey-dial-while-down');
      let invites = 0;
      phone.whenRung((call) => {
        invites += 1;
        call.reject(486, 'Busy Here');
      });
      // Two hours on, with the calling hours closed: what is requested waits, what was lost is finished.
      const later = { now: () => new Date(Date.now() + 2 * 3_600_000) };
      const away = String((new Date().getUTCHours() + 8 + 12) % 24).padStart(2, '0');
      const restarted = new OutboundDialer({
        handler: { ...handler, clock: later },
        logger: platform.logger,
        dialerId: 'sipapp-restarted',
        maxCalls: 4,
        callingHours: CallingHours.parse(`${away}:00-${away}:01`),
        place: (call) => placeOutboundCall(callDeps, call),
      });
      dialers.push(restarted);
      const recovered = await restarted.recover();
      expect(recovered.abandoned).toBe(1);
      expect(recovered.queued).toBeGreaterThanOrEqual(2); // the one requested while down, the night's survey
      expect(await finished('survey-dial-lost')).toMatchObject({
        outcome: 'failed',
        reason: 'the dialer stopped during the call',
      });
      expect(invites).toBe(0);
      expect((await events('survey-dial-while-down')).map((e) => e.type)).toEqual(['OutboundCallRequested']);
    }, 30_000);

    it('rings sipp as the citizen’s phone (sipapp/sipp/answers.xml): answered, key 1 from its capture, hung up by the dialer', async () => {
      const target = `127.0.0.5:${await freeUdpPort('127.0.0.5')}`;
      const sipp = runSipp('answers', target, { KEYS: '1' });
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // sipp binds its port
      await reactor.stop(); // this request is for the dialer whose gateway is sipp alone
      const toSipp = dialer('sipapp-sipp', { gateway: target });
      await request('survey-dial-sipp', { ringSeconds: 10 });
      toSipp.enqueue((await events('survey-dial-sipp'))[0]! as never);
      expect(await finished('survey-dial-sipp')).toMatchObject({
        outcome: 'answered',
        answer: 'satisfied',
        sipStatus: 200,
      });
      const run = await sipp;
      expect({ code: run.code, errors: run.errors }).toEqual({ code: 0, errors: '' });
    }, 60_000);
  },
);
