import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
// An end-to-end test mounts the platform as the embedded runner does: gateway, survey, sipapp.
import { gatewayService } from '@hotline/gateway';
import { RtpCaller } from '@hotline/sipapp/src/media/testing/rtp-caller';
import { type DrachtioTestPeer } from '@hotline/sipapp/src/testing/drachtio-test-peer/drachtio-test-peer';
import { type SipTestPhone, type IncomingCall } from '@hotline/sipapp/src/testing/sip-test-phone';
import { createSurveyService } from '@hotline/survey';
import { people } from './testing/case-loop';
import { HotlineHttp } from './testing/hotline-http';
import { citizenDialing, type CitizenDialing } from './testing/telephony-sipapp';

// Real: the survey robot, drachtio-srf and the sipapp's dialer, rtpengine (one per Jest run), SIP
// over UDP to the citizens' phone (the `sip` stack with RtpCaller's RTP: it answers and presses
// keys, or answers busy). The named test peer stands in for drachtio-server (TELEPHONY.md).
const ng = process.env.RTPENGINE_NG;
const describeWithTelephony = ng ? describe : describe.skip;
type Body = Record<string, unknown>;

const ROUND = 'ivr-poll-e2e';
const ANSWERS = '13800138001';
const BUSY = '13800138002';
const scale = [
  { key: 'satisfied', label: '满意', score: 100 },
  { key: 'basically', label: '基本满意', score: 80 },
  { key: 'dissatisfied', label: '不满意', score: 0 },
];

describeWithTelephony('The IVR poll robot [embedded: gateway, survey, sipapp dialing]', () => {
  let dialing: CitizenDialing;
  let peer: DrachtioTestPeer;
  let phone: SipTestPhone;
  let running: BootedPlatform;
  let http: HotlineHttp;

  beforeAll(async () => {
    dialing = await citizenDialing('ivr-poll');
    ({ peer, phone } = dialing);
    const { sipapp } = dialing;
    const survey = createSurveyService({
      env: { SURVEY_DUE_RUNNER: 'false', SURVEY_POLL_IVR_POLL_SECONDS: '1', SURVEY_POLL_IVR_MAX_CALLS: '1' },
    });
    running = await bootPlatform([survey, sipapp, gatewayService], { env: { LOG_LEVEL: 'warn' } });
    http = new HotlineHttp(running.url);
    await http.waitUntilReady();
    for (let i = 0; i < 200 && !peer.routes('invite'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(peer.routes('invite')).toBe(true);
  }, 300_000);

  afterAll(async () => {
    await running?.close();
    await dialing?.close();
  });

  const post = (path: string, body: Body, commandId: string) =>
    http.ok('POST', `/api/survey/polls${path}`, { as: people.center, body: { ...body, commandId } });
  const eventually = async <T>(read: () => Promise<T>, until: (value: T) => boolean, ms = 90_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await read().catch(() => undefined);
      if (value !== undefined && until(value)) return value;
      if (Date.now() > deadline) throw new Error(`timed out; last: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  it('calls each sampled number, records the keys as the interview and a busy number as not reached', async () => {
    await post(
      '',
      {
        roundId: ROUND,
        title: '2026年度民主评议',
        seed: 'ivr-e2e',
        auditShare: 0,
        questionnaire: {
          units: [{ unitId: 'housing-bureau', name: '市住建局' }],
          questions: [
            { questionId: 'attitude', text: '您对其服务态度是否满意', weight: 3, options: scale },
            { questionId: 'result', text: '您对其办理结果是否满意', weight: 1, options: scale },
          ],
        },
        quotas: [{ district: 'gulou', frame: 'hotline', count: 2 }],
      },
      'ivr-e2e-define',
    );
    const content = ['phone,district', `${ANSWERS},gulou`, `${BUSY},gulou`].join('\n');
    await post(`/${ROUND}/frames`, { frame: 'hotline', fileName: '热线号码.csv', content }, 'ivr-e2e-frame');
    await post(`/${ROUND}/sample`, {}, 'ivr-e2e-sample');

    const rtp = await RtpCaller.open();
    const rung: IncomingCall[] = [];
    const heard = new Promise<IncomingCall>((resolve) =>
      phone.whenRung((call) => {
        rung.push(call);
        if ((call.invite.uri ?? '').startsWith(`sip:${BUSY}@`)) return call.reject(486, 'Busy Here');
        call.ringing();
        setTimeout(() => {
          rtp.answered(call.offer);
          call.answer(rtp.sdp);
          resolve(call);
          // Keys pressed during the introduction wait for the questions that take them, in order.
          void rtp.talk(500).then(async () => {
            await rtp.press('2'); // 基本满意 with the attitude
            await rtp.press('3'); // 不满意 with the result
          });
        }, 200);
      }),
    );
    await post(`/${ROUND}/ivr/start`, { attempts: 1 }, 'ivr-e2e-start');
    const answered = await heard;
    await answered.hungUpByFarEnd; // the IVR thanks and hangs up
    expect(rtp.received).toBeGreaterThan(50); // the introduction and the questions reached the phone
    rtp.close();

    const round = () => http.ok<Body>('GET', `/api/survey/polls/${ROUND}`, { as: people.center });
    const done = await eventually(round, (r) => {
      const p = r.ivrProgress as Body | undefined;
      return p?.answered === 1 && p.unreachable === 1;
    });
    expect(done.ivrProgress).toEqual({ calls: 2, inFlight: 0, answered: 1, unreachable: 1, refused: 0 });
    expect(done.ivr).toMatchObject({ running: true, attempts: 1 });
    expect(rung.map((call) => (call.invite.uri ?? '').slice(4, 15)).sort()).toEqual([ANSWERS, BUSY]);

    const list = await http.ok<{ items: Body[] }>('GET', `/api/survey/polls/${ROUND}/interviews`, {
      as: people.center,
    });
    const byPhone = new Map(list.items.map((item) => [item.phone, item]));
    expect(byPhone.get(ANSWERS)).toMatchObject({
      status: 'completed',
      answeredBy: 'ivr',
      callId: expect.stringMatching(new RegExp(`^poll-${ROUND}\\.\\d\\.1$`)),
      evaluations: [{ unitId: 'housing-bureau', answers: { attitude: 'basically', result: 'dissatisfied' } }],
    });
    expect(byPhone.get(BUSY)).toMatchObject({ status: 'not-reached', lastCallOutcome: 'busy' });

    // The answers count in the unit's index: (3 × 80 + 1 × 0) ÷ 4.
    const results = await http.ok<{ rows: Body[] }>('GET', `/api/survey/polls/${ROUND}/results`, {
      as: people.center,
    });
    expect(results.rows[0]).toMatchObject({ unitId: 'housing-bureau', interviews: 1, index: 60 });

    // One call per number: the interview's stream and the dialer's agree.
    const store = running.platform.eventStore;
    for (const item of list.items) {
      const events = await store.readStream(`pollInterview-${String(item.interviewId)}`);
      expect(events.filter((e) => e.type === 'PollInterviewCallPlaced')).toHaveLength(1);
      const call = await store.readStream(`outboundCall-${String(item.callId)}`);
      expect(call.map((e) => e.type)).toEqual([
        'OutboundCallRequested',
        'OutboundCallDialed',
        'OutboundCallFinished',
      ]);
    }
    expect(rung).toHaveLength(2);
  }, 180_000);
});
