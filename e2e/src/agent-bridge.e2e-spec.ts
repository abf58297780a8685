import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AgentId,
  HoldContact,
  LogInAgent,
  MakeAgentReady,
  PublishIvrFlow,
  ResumeContact,
  SetAgentProfile,
  systemActor,
  type CommandDefinition,
  type RecordedEvent,
} from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
// An end-to-end test mounts the platform as the embedded runner does: routing and the sipapp.
import { routingService } from '@hotline/routing';
import { platformCallId } from '@hotline/sipapp/src/calls/call-id';
import { ensurePromptFiles } from '@hotline/sipapp/src/media/prompt-files';
import { RtpCaller } from '@hotline/sipapp/src/media/testing/rtp-caller';
import { DrachtioTestPeer } from '@hotline/sipapp/src/testing/drachtio-test-peer/drachtio-test-peer';
import { SipTestPhone, type IncomingCall } from '@hotline/sipapp/src/testing/sip-test-phone';
import type { z } from 'zod';
import { defineAgentQueue } from './testing/agent-queue';
import { telephonySipapp } from './testing/telephony-sipapp';
import { until } from '@hotline/sipapp/src/testing/until';
import { peakToneShare, wavSeconds } from '@hotline/sipapp/src/testing/tone-level';
import { FileAttachmentStore } from '@hotline/infra/attachments';

// Real: drachtio-srf, rtpengine (one per Jest run, scripts/jest/rtpengine.js), the router, SIP over UDP
// to the caller's and the agents' phones (the `sip` stack with RtpCaller's RTP). The named test peer
// stands in for drachtio-server (TELEPHONY.md).
const ng = process.env.RTPENGINE_NG;
const describeWithTelephony = ng ? describe : describe.skip;
const ORIGIN = { actor: systemActor('e2e'), districtId: 'city' };
/** What the caller's and the agent's phones send: each counts the other's mark. */
const CALLER_MARK = 0x11;
const AGENT_MARK = 0x22;
const HELD_MARK = 0x33;
const RESUMED_MARK = 0x44;

describeWithTelephony(
  'A queued caller bridged to an agent’s phone [embedded: routing, sipapp; SIP test phones]',
  () => {
    let dir: string;
    let peer: DrachtioTestPeer;
    let phone: SipTestPhone;
    let running: BootedPlatform;
    let bus: BusRequests;
    /** Each ringing of an agent's phone, by the agent the request URI names. */
    const rung: Array<{ agent: string; call: IncomingCall }> = [];
    /** Every RTP end a test opened, closed after it whatever happened. */
    const ends: RtpCaller[] = [];
    const rtpEnd = async () => {
      const end = await RtpCaller.open();
      ends.push(end);
      return end;
    };

    const send = <D extends CommandDefinition>(definition: D, data: z.input<D['schema']>) =>
      bus.command(definition, randomUUID(), data, ORIGIN);

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hotline-agent-bridge-'));
      await ensurePromptFiles(join(dir, 'prompts'), ['zh-CN']);
      peer = await DrachtioTestPeer.start();
      phone = await SipTestPhone.open();
      phone.whenRung((call) => {
        rung.push({ agent: /^sip:([^@]+)@/.exec(call.invite.uri ?? '')?.[1] ?? '', call });
        call.ringing();
      });
      // Calls are recorded whole (rtpengine's pcaps of the run, kept as WAV in the platform's files).
      const sipapp = await telephonySipapp(peer, dir, {
        SIPAPP_RECORDING_DIR: process.env.RTPENGINE_RECORDINGS!,
      });
      running = await bootPlatform([routingService, sipapp], { env: { LOG_LEVEL: 'warn' } });
      bus = new BusRequests(running.platform.client());
      for (let i = 0; i < 200 && !peer.routes('invite'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(peer.routes('invite')).toBe(true);
      // The flow: straight to the queue, the satisfaction question after the agent hangs up.
      await send(PublishIvrFlow, {
        flow: {
          flowId: 'main',
          name: '转人工测试',
          start: 'agent',
          defaultLanguage: 'zh-CN',
          nodes: {
            agent: { kind: 'enqueue', title: '转人工', queueId: 'agents', afterCall: 'rating' },
            rating: {
              kind: 'survey',
              title: '满意度',
              question: 'call-satisfaction',
              prompt: 'satisfaction-question',
              options: { '1': 'satisfied', '2': 'basically-satisfied', '3': 'dissatisfied' },
              next: 'bye',
            },
            bye: { kind: 'hangup', title: '再见', prompts: ['goodbye'] },
          },
        },
        baseVersion: 0,
      });
      await defineAgentQueue(bus, 4);
      for (const [position, agentId] of ['agent-1', 'agent-2'].entries()) {
        AgentId.parse(agentId);
        await send(SetAgentProfile, {
          agentId,
          skills: {},
          queues: [{ queueId: 'agents', tier: 1, position, weight: 1 }],
          chatCapacity: 0,
          sipAddress: `sip:${agentId}@${phone.sipTarget}`,
          workNumber: position === 0 ? '1024' : '2048',
        });
        await send(LogInAgent, { agentId });
        await send(MakeAgentReady, { agentId });
      }
    }, 300_000);

    afterEach(() => {
      for (const end of ends.splice(0)) end.close();
    });

    afterAll(async () => {
      await running?.close();
      phone?.close();
      await peer?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    /** The router's events about one call's contact, by type. */
    async function routerEvents(callId: string): Promise<RecordedEvent[]> {
      const contactId = `ivr-${platformCallId(callId)}`;
      const events = await running.platform.eventStore.readAll({ filter: { streamPrefixes: ['router-'] } });
      return events.filter((e) => (e.data as { contactId?: string }).contactId === contactId);
    }
    const types = async (callId: string) => (await routerEvents(callId)).map((e) => e.type);
    const seen = (callId: string, type: string) =>
      until(async () => (await types(callId)).includes(type) || undefined, `routing stored ${type}`);

    async function dial(caller: string) {
      const rtp = await rtpEnd();
      const call = phone.call(peer.uri('12345'), { caller, sdp: rtp.sdp });
      const answer = await call.answered;
      expect(answer.status).toBe(200);
      rtp.answered(answer.content ?? '');
      void rtp.talk(300); // rtpengine learns the caller's address
      return { call, rtp };
    }

    /**
     * Answers a ringing agent phone with its own RTP end. It stays silent until the test has it talk:
     * rtpengine would otherwise learn its address from its packets, SDP or not.
     */
    async function answer(ringing: IncomingCall): Promise<RtpCaller> {
      const rtp = await rtpEnd();
      rtp.answered(ringing.offer);
      ringing.answer(rtp.sdp);
      return rtp;
    }

    const nextRing = (from: number, agent: string) =>
      until(() => rung.slice(from).find((r) => r.agent === agent), `${agent}'s phone rang`);

    it('rings the offered agent; the answer bridges them and each hears the other; the agent’s BYE leads to the satisfaction question', async () => {
      const from = rung.length;
      const { call, rtp } = await dial('13912345678');
      const ring = await nextRing(from, 'agent-1');
      expect(ring.call.caller).toBe('13912345678');
      expect(ring.call.offer).toMatch(/m=audio [1-9]/); // rtpengine's far side of the caller's call
      const agentRtp = await answer(ring.call);
      await seen(call.callId, 'OfferAccepted');
      // The caller hears the agent's number (工号 1024 …, 50 packets a second) first, then the two are joined.
      const beforeAnnouncement = rtp.received;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      expect(rtp.received - beforeAnnouncement).toBeGreaterThan(100);
      // The caller first: only the agent's answer in rtpengine sends the caller's audio to the agent,
      // once the announcement is over.
      await until(
        async () => (await rtp.talk(200, CALLER_MARK), agentRtp.heardFill(CALLER_MARK) > 0 || undefined),
        'the agent hears the caller',
      );
      const heardByAgent = agentRtp.heardFill(CALLER_MARK);
      await rtp.talk(1_000, CALLER_MARK);
      await agentRtp.talk(1_000, AGENT_MARK);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(agentRtp.heardFill(CALLER_MARK) - heardByAgent).toBeGreaterThan(40); // of 50 packets a second
      expect(rtp.heardFill(AGENT_MARK)).toBeGreaterThan(40);
      // A tone each way, for the recording: the caller at 440 Hz, then the agent at 1,000 Hz.
      await rtp.tone(1_000, 440);
      await agentRtp.tone(1_000, 1_000);
      // On hold the caller hears the hold prompt and nothing of the agent; resumed, the agent again.
      const contactId = `ivr-${platformCallId(call.callId)}`;
      await send(HoldContact, { agentId: 'agent-1', contactId });
      await seen(call.callId, 'ContactHeld');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const beforeHold = rtp.received;
      await agentRtp.talk(1_000, HELD_MARK);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(rtp.heardFill(HELD_MARK)).toBe(0);
      expect(rtp.received - beforeHold).toBeGreaterThan(40); // the hold prompt
      await send(ResumeContact, { agentId: 'agent-1', contactId });
      await seen(call.callId, 'ContactResumed');
      await until(
        async () => (await agentRtp.talk(200, RESUMED_MARK), rtp.heardFill(RESUMED_MARK) > 0 || undefined),
        'the caller hears the agent again',
      );
      // The agent hangs up: the contact ends once, the caller is asked and presses 1.
      expect(await ring.call.bye()).toBe(200);
      await seen(call.callId, 'ContactEnded');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await rtp.press('1');
      await call.hungUpByFarEnd; // the thanks, then the flow hangs up
      const ended = await until(async () => {
        const [event] = await running.platform.eventStore.readStreamOrEmpty(
          `ivrCall-${platformCallId(call.callId)}`,
        );
        return event?.data as { agentId?: string; surveyAnswers: Record<string, string> } | undefined;
      }, 'the call was stored');
      expect(ended).toMatchObject({
        agentId: 'agent-1',
        surveyAnswers: { 'call-satisfaction': 'satisfied' },
        recording: { recordingId: expect.stringMatching(/^att-/), seconds: expect.any(Number) },
      });
      // The whole call is one WAV in the platform's files: both sides' tones are in it, measured.
      const { recordingId } = (ended as unknown as { recording: { recordingId: string } }).recording;
      const kept = await new FileAttachmentStore(join(running.dir, 'attachments')).open(recordingId);
      expect(kept?.attachment).toMatchObject({ name: '通话录音.wav', mediaType: 'audio/wav' });
      const wav = kept!.content;
      expect(wavSeconds(wav)).toBeGreaterThan(8); // waiting, the agent's number, talking, the question
      expect(peakToneShare(wav, 440)).toBeGreaterThan(0.5);
      expect(peakToneShare(wav, 1_000)).toBeGreaterThan(0.5);
      expect(peakToneShare(wav, 1_700)).toBeLessThan(0.1); // a tone nobody sent
      expect((await types(call.callId)).filter((t) => t === 'ContactEnded')).toHaveLength(1);
    }, 90_000);

    it('rings the next agent when the first lets it ring out; the caller’s BYE ends the agent’s leg', async () => {
      const from = rung.length;
      const { call } = await dial('13912345679');
      const first = await nextRing(from, 'agent-1'); // never answered
      await first.call.cancelled; // at the router's offer timeout, counted as a miss
      const second = await nextRing(from, 'agent-2');
      await answer(second.call);
      await seen(call.callId, 'OfferAccepted');
      const events = await routerEvents(call.callId);
      expect(events.find((e) => e.type === 'OfferExpired')?.data).toMatchObject({ agentId: 'agent-1' });
      expect(events.find((e) => e.type === 'OfferAccepted')?.data).toMatchObject({ agentId: 'agent-2' });
      expect(await call.bye()).toBe(200);
      await second.call.hungUpByFarEnd;
      await seen(call.callId, 'ContactEnded');
      expect((await types(call.callId)).filter((t) => t === 'ContactEnded')).toHaveLength(1);
      // A call the caller ended is recorded too (rtpengine closes its pcaps when the call leaves it).
      const ended = await until(async () => {
        const [event] = await running.platform.eventStore.readStreamOrEmpty(
          `ivrCall-${platformCallId(call.callId)}`,
        );
        return event?.data as { recording?: { seconds: number } } | undefined;
      }, 'the call was stored');
      expect(ended.recording?.seconds).toBeGreaterThan(0);
    }, 60_000);

    it('cancels the agent’s ringing phone when the caller hangs up, and the queued contact is abandoned', async () => {
      const from = rung.length;
      const { call } = await dial('13912345670');
      const ring = await nextRing(from, 'agent-1');
      expect(await call.bye()).toBe(200);
      await ring.call.cancelled;
      await seen(call.callId, 'QueuedContactAbandoned');
      expect(await types(call.callId)).not.toContain('OfferAccepted');
    }, 60_000);
  },
);
