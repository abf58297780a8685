import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  LogInAgent,
  MakeAgentReady,
  PublishIvrFlow,
  SetAgentProfile,
  systemActor,
  TransferContact,
  type CommandDefinition,
  type RecordedEvent,
} from '@hotline/contracts';
import { BusRequests } from '@hotline/infra/bus';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
import { routingService } from '@hotline/routing';
import { platformCallId } from '@hotline/sipapp/src/calls/call-id';
import { ensurePromptFiles, promptPath } from '@hotline/sipapp/src/media/prompt-files';
import { RtpCaller } from '@hotline/sipapp/src/media/testing/rtp-caller';
import { DrachtioTestPeer } from '@hotline/sipapp/src/testing/drachtio-test-peer/drachtio-test-peer';
import { SipTestPhone, type IncomingCall } from '@hotline/sipapp/src/testing/sip-test-phone';
import { soundStats } from '@hotline/sipapp/src/testing/sound';
import { until } from '@hotline/sipapp/src/testing/until';
import type { z } from 'zod';
import { defineAgentQueue } from './testing/agent-queue';
import { telephonySipapp } from './testing/telephony-sipapp';

// Real: drachtio-srf, rtpengine (one per Jest run), the router, SIP over UDP to three phones — the
// caller's, the agent's and the unit's duty phone behind the trunk — each with RtpCaller's RTP
// through rtpengine. The named test peer stands in for drachtio-server (TELEPHONY.md).
const ng = process.env.RTPENGINE_NG;
const describeWithTelephony = ng ? describe : describe.skip;
const ORIGIN = { actor: systemActor('e2e'), districtId: 'city' };
const run = promisify(execFile);
const CALLER_MARK = 0x11;
const AGENT_MARK = 0x22;
const UNIT_MARK = 0x55;
const CALLER_TO_UNIT_MARK = 0x66;
/** How often the waiting caller hears the position again, in this suite. */
const POSITION_SECONDS = 10;
/** Long enough for "please hold" (5 s), the position (7 s), music, and the position again. */
const WAIT_SECONDS = 25;
/** The suite's hold music: a tone at this frequency (36 cycles in a 20 ms packet). */
const MUSIC_HZ = 1800;
const UNIT = { number: '05918888000', label: '鼓楼区水务局', unitId: 'unit-water' };
const CASE = { caseNumber: '26000010', summary: '小区停水三天' };

describeWithTelephony(
  'A waiting caller hears the position over hold music; the agent transfers them to a unit’s number [embedded: routing, sipapp; SIP test phones]',
  () => {
    let dir: string;
    let peer: DrachtioTestPeer;
    let phone: SipTestPhone;
    let running: BootedPlatform;
    let bus: BusRequests;
    const rung: Array<{ user: string; call: IncomingCall }> = [];
    const ends: RtpCaller[] = [];
    const rtpEnd = async () => {
      const end = await RtpCaller.open();
      ends.push(end);
      return end;
    };
    const send = <D extends CommandDefinition>(definition: D, data: z.input<D['schema']>) =>
      bus.command(definition, randomUUID(), data, ORIGIN);
    const seconds = async (key: string) =>
      (await soundStats(promptPath(join(dir, 'prompts'), 'zh-CN', key))).seconds;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hotline-agent-transfer-'));
      await ensurePromptFiles(join(dir, 'prompts'), ['zh-CN']);
      // The suite's hold music, made with sox: one tone, which the caller's RTP end tells from the
      // prompts' speech packet by packet (Goertzel), so what the caller heard when is measured.
      const music = join(dir, 'hold-tone.wav');
      await run('sox', [
        ...['-n', '-r', '8000', '-c', '1', '-b', '16', music],
        ...['synth', '4', 'sine', String(MUSIC_HZ), 'vol', '0.3'],
      ]);
      peer = await DrachtioTestPeer.start();
      phone = await SipTestPhone.open();
      phone.whenRung((call) => {
        rung.push({ user: /^sip:([^@]+)@/.exec(call.invite.uri ?? '')?.[1] ?? '', call });
        call.ringing();
      });
      const sipapp = await telephonySipapp(peer, dir, {
        SIPAPP_HOLD_MUSIC: music,
        SIPAPP_QUEUE_POSITION_SECONDS: String(POSITION_SECONDS),
        // The trunk: the unit's duty phone is the test phone too, rung as sip:<number>@…
        SIPAPP_OUTBOUND_GATEWAY: phone.sipTarget,
      });
      running = await bootPlatform([routingService, sipapp], { env: { LOG_LEVEL: 'warn' } });
      bus = new BusRequests(running.platform.client());
      for (let i = 0; i < 200 && !peer.routes('invite'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(peer.routes('invite')).toBe(true);
      await send(PublishIvrFlow, {
        flow: {
          flowId: 'main',
          name: '转接测试',
          start: 'agent',
          defaultLanguage: 'zh-CN',
          nodes: {
            agent: { kind: 'enqueue', title: '转人工', queueId: 'agents', afterCall: 'bye' },
            bye: { kind: 'hangup', title: '再见', prompts: ['goodbye'] },
          },
        },
        baseVersion: 0,
      });
      await defineAgentQueue(bus, 10);
      await send(SetAgentProfile, {
        agentId: 'agent-1',
        skills: {},
        queues: [{ queueId: 'agents', tier: 1, position: 0, weight: 1 }],
        chatCapacity: 0,
        sipAddress: `sip:agent-1@${phone.sipTarget}`,
      });
      // Logged in, not ready: the caller waits and hears the position first.
      await send(LogInAgent, { agentId: 'agent-1' });
    }, 300_000);

    afterAll(async () => {
      for (const end of ends.splice(0)) end.close();
      await running?.close();
      phone?.close();
      await peer?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function routerEvents(callId: string): Promise<RecordedEvent[]> {
      const contactId = `ivr-${platformCallId(callId)}`;
      const events = await running.platform.eventStore.readAll({ filter: { streamPrefixes: ['router-'] } });
      return events.filter((e) => (e.data as { contactId?: string }).contactId === contactId);
    }
    const seen = (callId: string, type: string) =>
      until(async () => (await routerEvents(callId)).find((e) => e.type === type), `routing stored ${type}`);
    const nextRing = (from: number, user: string) =>
      until(() => rung.slice(from).find((r) => r.user === user), `${user}'s phone rang`);
    async function answer(ringing: IncomingCall): Promise<RtpCaller> {
      const rtp = await rtpEnd();
      rtp.answered(ringing.offer);
      ringing.answer(rtp.sdp);
      return rtp;
    }
    async function hears(from: RtpCaller, to: RtpCaller, mark: number, what: string) {
      await until(async () => (await from.talk(200, mark), to.heardFill(mark) > 0 || undefined), what);
      const before = to.heardFill(mark);
      await from.talk(1_000, mark);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(to.heardFill(mark) - before).toBeGreaterThan(40); // of 50 packets a second
    }

    it('plays the position between hold-music loops, then the agent’s transfer takes the caller to the unit with the case', async () => {
      // 1. The caller waits: "please hold", the position, music, and the position again.
      const caller = await rtpEnd();
      const call = phone.call(peer.uri('12345'), { caller: '13912345678', sdp: caller.sdp });
      const answered = await call.answered;
      expect(answered.status).toBe(200);
      caller.answered(answered.content ?? '');
      void caller.talk(300);
      // Each quarter second heard as music (the tone), speech (a prompt) or nothing, in runs.
      caller.listenForTone(MUSIC_HZ);
      const runs: Array<{ kind: 'music' | 'speech' | 'quiet'; seconds: number }> = [];
      let last = { music: 0, speech: 0 };
      for (let t = 0; t < WAIT_SECONDS * 1000; t += 250) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        const now = { music: caller.heardTone, speech: caller.received - caller.heardTone };
        const music = now.music - last.music;
        const speech = now.speech - last.speech;
        last = now;
        const kind = music > speech ? 'music' : speech > 3 ? 'speech' : 'quiet';
        if (runs.at(-1)?.kind === kind) runs.at(-1)!.seconds += 0.25;
        else runs.push({ kind, seconds: 0.25 });
      }
      // A short gap between two files (the next prompt, the position query) belongs to what surrounds it.
      const heard: typeof runs = [];
      for (const r of runs) {
        const previous = heard.at(-1);
        if (previous && (previous.kind === r.kind || (r.kind === 'quiet' && r.seconds < 1)))
          previous.seconds += r.seconds;
        else if (r.kind !== 'quiet' && r.seconds >= 0.5) heard.push({ ...r });
      }
      expect((await routerEvents(call.callId)).map((e) => e.type)).toContain('ContactQueued');
      // "Please hold" and "您前面还有 0 位…" on entry, music, the position again, music: measured by length.
      const position =
        (await seconds('queue-position')) +
        (await seconds('digit-0')) +
        (await seconds('queue-position-end'));
      const entry = (await seconds('please-hold')) + position;
      expect({ runs, kinds: heard.map((r) => r.kind).slice(0, 4) }).toMatchObject({
        kinds: ['speech', 'music', 'speech', 'music'],
      });
      expect(heard[0]!.seconds).toBeGreaterThan(entry * 0.8);
      expect(heard[0]!.seconds).toBeLessThan(entry * 1.3);
      expect(heard[1]!.seconds).toBeGreaterThan(1.5);
      expect(heard[2]!.seconds).toBeGreaterThan(position * 0.75);
      expect(heard[2]!.seconds).toBeLessThan(position * 1.3);

      // 2. The agent is ready: their phone rings, answers; caller and agent hear each other.
      const from = rung.length;
      await send(MakeAgentReady, { agentId: 'agent-1' });
      const agentRing = await nextRing(from, 'agent-1');
      const agent = await answer(agentRing.call);
      await seen(call.callId, 'OfferAccepted');
      await hears(caller, agent, CALLER_MARK, 'the agent hears the caller');
      await hears(agent, caller, AGENT_MARK, 'the caller hears the agent');

      // 3. The agent transfers to the unit's duty phone with the case: the agent's leg ends.
      const contactId = `ivr-${platformCallId(call.callId)}`;
      await send(TransferContact, {
        agentId: 'agent-1',
        contactId,
        target: { kind: 'number', ...UNIT, case: CASE },
      });
      await agentRing.call.hungUpByFarEnd;
      const unitRing = await nextRing(from, UNIT.number);
      const headers = unitRing.call.invite.headers as unknown as Record<string, unknown>;
      expect(headers['x-case-number']).toBe(CASE.caseNumber);
      const [hex] = String(headers['user-to-user']).split(';');
      expect(JSON.parse(Buffer.from(hex!, 'hex').toString('utf8'))).toEqual({ ...CASE, unit: UNIT.label });
      expect(unitRing.call.caller).toBe('12345'); // the hotline's number (SIPAPP_CALLER_ID)
      const unit = await answer(unitRing.call);
      await hears(caller, unit, CALLER_TO_UNIT_MARK, 'the unit hears the caller');
      await hears(unit, caller, UNIT_MARK, 'the caller hears the unit');
      expect(agent.heardFill(CALLER_TO_UNIT_MARK)).toBe(0); // the agent is out of the call

      // 4. The contact says to whom and when; the caller hangs up and the unit's leg ends.
      const transferred = await seen(call.callId, 'ContactTransferred');
      expect(transferred.data).toMatchObject({
        agentId: 'agent-1',
        target: { kind: 'number', number: UNIT.number, label: UNIT.label, unitId: UNIT.unitId, case: CASE },
      });
      expect(Date.parse((transferred.data as { at: string }).at)).toBeGreaterThan(Date.now() - 60_000);
      expect(await call.bye()).toBe(200);
      await unitRing.call.hungUpByFarEnd;
      expect((await routerEvents(call.callId)).map((e) => e.type)).not.toContain('ContactEnded');
    }, 200_000);
  },
);
