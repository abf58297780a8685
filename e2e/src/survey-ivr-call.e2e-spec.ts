import { randomUUID } from 'node:crypto';
import { SURVEY_SERVICE, commandSubject, querySubject, type Actor } from '@hotline/contracts';
import { BusRecord, messageHeaders } from '@hotline/infra/bus';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
// An end-to-end test mounts the platform as the embedded runner does: gateway, workflow, survey, sipapp.
import { gatewayService } from '@hotline/gateway';
import { RtpCaller } from '@hotline/sipapp/src/media/testing/rtp-caller';
import { type DrachtioTestPeer } from '@hotline/sipapp/src/testing/drachtio-test-peer/drachtio-test-peer';
import { type SipTestPhone, type IncomingCall } from '@hotline/sipapp/src/testing/sip-test-phone';
import { createSurveyService, routineTaskId } from '@hotline/survey';
import { workflowService } from '@hotline/workflow';
import { firstValueFrom } from 'rxjs';
import { people } from './testing/case-loop';
import { completedCase } from './testing/completed-case';
import { HotlineHttp } from './testing/hotline-http';
import { citizenDialing, type CitizenDialing } from './testing/telephony-sipapp';

// Real: drachtio-srf, rtpengine (one per Jest run, scripts/jest/rtpengine.js), SIP over UDP to the
// citizen's phone (the `sip` stack with RtpCaller's RTP: it answers and presses a key). The named test
// peer stands in for drachtio-server (TELEPHONY.md).
const ng = process.env.RTPENGINE_NG;
const describeWithTelephony = ng ? describe : describe.skip;
const system: Actor = { id: 'system:test', role: 'system' };
type Body = Record<string, unknown>;

describeWithTelephony(
  'An automated IVR survey call [embedded: gateway, workflow, survey, sipapp dialing]',
  () => {
    let dialing: CitizenDialing;
    let peer: DrachtioTestPeer;
    let phone: SipTestPhone;
    let running: BootedPlatform;
    let http: HotlineHttp;

    beforeAll(async () => {
      dialing = await citizenDialing('survey-ivr');
      ({ peer, phone } = dialing);
      const { sipapp } = dialing;
      const survey = createSurveyService({
        env: { SURVEY_DUE_RUNNER: 'false', SURVEY_METHOD_BY_CHANNEL: 'email=ivr', SURVEY_AUDIT_SHARE: '0' },
      });
      running = await bootPlatform([workflowService, survey, sipapp, gatewayService], {
        env: { LOG_LEVEL: 'warn' },
      });
      http = new HotlineHttp(running.url);
      await http.waitUntilReady();
      for (let i = 0; i < 200 && !peer.routes('invite'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(peer.routes('invite')).toBe(true);
    }, 300_000);

    afterAll(async () => {
      await running?.close();
      await dialing?.close();
    });

    const send = (service: string, kind: 'cmd' | 'qry', type: string, data: Body) => {
      const commandId = randomUUID();
      const metadata = { correlationId: commandId, actor: system, districtId: 'city' };
      return kind === 'cmd'
        ? firstValueFrom<Body>(
            running.platform
              .client()
              .send(
                commandSubject(service, type),
                new BusRecord({ commandId, type, data, metadata }, messageHeaders(metadata)),
              ),
          )
        : firstValueFrom<Body>(
            running.platform.client().send(querySubject(service, type), {
              viewer: { actor: { id: 'user:center', role: 'center' }, districtId: 'city' },
              ...data,
            }),
          );
    };
    const eventually = async <T>(
      read: () => Promise<T>,
      until: (value: T) => boolean,
      ms = 60_000,
    ): Promise<T> => {
      const deadline = Date.now() + ms;
      for (;;) {
        const value = await read().catch(() => undefined);
        if (value !== undefined && (until(value) || Date.now() > deadline)) return value;
        if (Date.now() > deadline) throw new Error('timed out');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };

    it('rings the citizen for the completed case, takes key 1, and the task and the case record it', async () => {
      const { caseId, detail } = await completedCase(http, 'email');
      const taskId = routineTaskId(caseId, 1);
      const task = () => send(SURVEY_SERVICE, 'qry', 'GetCallbackTask', { taskId });
      expect(await eventually(task, (t) => t.status === 'scheduled')).toMatchObject({ method: 'ivr' });

      const rtp = await RtpCaller.open();
      const rung = new Promise<IncomingCall>((resolve) =>
        phone.whenRung((call) => {
          call.ringing();
          setTimeout(() => {
            rtp.answered(call.offer);
            call.answer(rtp.sdp);
            resolve(call);
            // The citizen listens a moment to the question, then presses 1 (satisfied).
            void rtp.talk(1_000).then(() => rtp.press('1'));
          }, 300);
        }),
      );
      await send(SURVEY_SERVICE, 'cmd', 'RequestCallbackSurveyCall', { taskId });
      const call = await rung;
      expect(call.caller).toBe('12345');
      expect(call.invite.uri).toBe(`sip:13800138000@${phone.sipTarget}`);
      await call.hungUpByFarEnd; // the IVR thanks and hangs up
      expect(rtp.received).toBeGreaterThan(50); // the question and the thanks reached the phone
      rtp.close();

      const answered = await eventually(task, (t) => t.status === 'answered');
      expect(answered).toMatchObject({
        status: 'answered',
        answeredBy: 'ivr',
        ratings: { efficiency: 'satisfied', attitude: 'satisfied', result: 'satisfied' },
      });
      // The outcome went back onto the case: called back and closed.
      expect(await eventually(detail, (d) => d.status === 'closed')).toMatchObject({ status: 'closed' });
      // The center's satisfaction view counts the answer for the unit.
      const byUnit = await http.ok<{ rows: Body[] }>('GET', '/api/survey/satisfaction?by=unit', {
        as: people.center,
      });
      expect(byUnit.rows).toEqual(
        expect.arrayContaining([expect.objectContaining({ key: 'gulou-dongjie' })]),
      );
      const stored = await running.platform.eventStore.readStream(`outboundCall-survey-${taskId}.1`);
      expect(stored.map((e) => e.type)).toEqual([
        'OutboundCallRequested',
        'OutboundCallDialed',
        'OutboundCallFinished',
      ]);
      expect(stored[2]!.data).toMatchObject({ outcome: 'answered', answer: 'satisfied', sipStatus: 200 });
      // The answer names the call that took it; no recording is claimed (the dialer records none yet).
      const taskEvents = await running.platform.eventStore.readStream(`callbackTask-${taskId}`);
      const answer = taskEvents.find((e) => e.type === 'CallbackTaskAnswered')!.data;
      expect(answer).toMatchObject({ callId: `survey-${taskId}.1` });
      expect(answer).not.toHaveProperty('recordingId');
    }, 120_000);
  },
);
