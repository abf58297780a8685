import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  INTAKE_SERVICE,
  LookUpCaseForCitizen,
  commandSubject,
  type Actor,
  type AttachmentRef,
  type ContactReceipt,
} from '@hotline/contracts';
import { FileAttachmentStore } from '@hotline/infra/attachments';
import { BusRecord, BusRequests, messageHeaders } from '@hotline/infra/bus';
import { bootPlatform, type BootedPlatform } from '@hotline/infra/platform/testing';
// An end-to-end test mounts the platform as the embedded runner does: intake, workflow, routing, sipapp.
import { intakeService } from '@hotline/intake';
import { routingService } from '@hotline/routing';
import { ensurePromptFiles, promptPath } from '@hotline/sipapp/src/media/prompt-files';
import { BaresipPhone } from '@hotline/sipapp/src/testing/baresip-phone';
import { DrachtioTestPeer } from '@hotline/sipapp/src/testing/drachtio-test-peer/drachtio-test-peer';
import { RtpengineControl } from '@hotline/sipapp/src/media/rtpengine-control';
import { platformCallId } from '@hotline/sipapp/src/calls/call-id';
import { runSipp, type SippRun } from '@hotline/sipapp/src/testing/sipp';
import { soundStats, toneFile } from '@hotline/sipapp/src/testing/sound';
import { workflowService } from '@hotline/workflow';
import { firstValueFrom } from 'rxjs';
import { telephonySipapp } from './testing/telephony-sipapp';

// Real: drachtio-srf, rtpengine (one per Jest run, scripts/jest/rtpengine.js), baresip as the citizen's
// phone, sox to measure what it heard. The named test peer stands in for drachtio-server (TELEPHONY.md).
const ng = process.env.RTPENGINE_NG;
const describeWithTelephony = ng ? describe : describe.skip;
const center: Actor = { id: 'user:center', role: 'center' };

describeWithTelephony(
  'SIP calls with real audio [embedded: intake, workflow, routing, sipapp; baresip]',
  () => {
    let dir: string;
    let peer: DrachtioTestPeer;
    let running: BootedPlatform;
    let microphone: string;
    let phones = 0;
    let rtpengine: RtpengineControl;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hotline-sip-calls-'));
      await ensurePromptFiles(join(dir, 'prompts'), ['zh-CN']);
      microphone = join(dir, 'microphone.wav');
      await toneFile(microphone, 90); // longer than any scenario: baresip hangs up when it ends
      peer = await DrachtioTestPeer.start();
      rtpengine = RtpengineControl.at(ng!);
      const sipapp = await telephonySipapp(peer, dir, {
        SIPAPP_RECORDING_DIR: process.env.RTPENGINE_RECORDINGS!,
        SIPAPP_RING_MS: '1000', // calls ring a second: sipp's CANCEL comes while it rings
      });
      running = await bootPlatform([workflowService, intakeService, routingService, sipapp], {
        env: { LOG_LEVEL: 'warn' },
      });
      for (let i = 0; i < 200 && !peer.routes('invite'); i++) await new Promise((r) => setTimeout(r, 50));
      expect(peer.routes('invite')).toBe(true);
    }, 300_000);

    afterAll(async () => {
      await running?.close();
      await peer?.close();
      rtpengine?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const intake = <T>(type: string, data: unknown) => {
      const commandId = randomUUID();
      const metadata = { correlationId: commandId, actor: center, districtId: 'city' };
      return firstValueFrom(
        running.platform
          .client()
          .send<T>(
            commandSubject(INTAKE_SERVICE, type),
            new BusRecord({ commandId, type, data, metadata }, messageHeaders(metadata)),
          ),
      );
    };

    async function phone(number: string): Promise<BaresipPhone> {
      return BaresipPhone.start({ dir: join(dir, `phone-${phones++}`), number, microphone });
    }

    /** The IvrCallEnded of the last call from this number, once the runner stored it. */
    async function endedCall(callerNumber: string) {
      const callId = peer.lastCallFrom(callerNumber);
      for (let i = 0; callId !== undefined && i < 100; i++) {
        const [event] = await running.platform.eventStore.readStreamOrEmpty(
          `ivrCall-${platformCallId(callId)}`,
        );
        if (event)
          return event.data as {
            outcome: string;
            path: Array<{ node: string; digits?: string }>;
            contactId?: string;
            caseNumber?: string;
          };
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`no call from ${callerNumber} was stored`);
    }

    it('answers a citizen’s status query for their own case, number read back and confirmed', async () => {
      const caller = '13912345678';
      const receipt = await intake<ContactReceipt>('SubmitContact', {
        contactId: `web-${randomUUID()}`,
        channel: 'web',
        caller: { name: '陈女士', phone: caller },
        content: '幸福小区3号楼门口的路灯坏了一个多星期，晚上黑灯瞎火，一直没修',
      });
      expect(receipt.caseNumber).toMatch(/^\d{8}$/);
      const citizen = await phone(caller);
      try {
        await citizen.dial(peer.uri('12345'));
        // Keys wait for the menu that takes them: 2 self-service, 3 status query, the number, 1 confirm.
        await citizen.press(`23${receipt.caseNumber}1`);
        await citizen.closed(60_000); // the flow says goodbye and hangs up
        const call = await endedCall(caller);
        expect(call).toMatchObject({ outcome: 'hung-up' });
        const path = call.path.map((step) => step.node);
        expect(path.slice(-3)).toEqual(['enter-case-number', 'case-status', 'goodbye']);
        const heard = await soundStats(citizen.heard());
        expect(heard.seconds).toBeGreaterThan(8); // welcome, the number read back, the status, goodbye
        expect(heard.rms).toBeGreaterThan(0.01);
      } finally {
        await citizen.stop();
      }
    }, 120_000);

    const pcaps = join(process.env.RTPENGINE_RECORDINGS!, 'pcaps');
    /** rtpengine's files of the caller's last call so far (the whole call's recording among them). */
    const callFiles = (callerNumber: string): string[] => {
      const callId = peer.lastCallFrom(callerNumber);
      return callId && existsSync(pcaps)
        ? readdirSync(pcaps).filter((f) => f.startsWith(`${callId}-`) && f.endsWith('.pcap'))
        : [];
    };

    /**
     * Waits until a pcap of this call that was not there `before` (the complaint's own file, beside the
     * whole call's) holds `seconds` of the caller's audio (μ-law, 50 packets/s).
     */
    async function recorded(callerNumber: string, seconds: number, before: readonly string[]): Promise<void> {
      const enough = 44 * 1000 + seconds * 50 * (160 + 12 + 8 + 20 + 16); // header + packets
      for (let i = 0; i < 600; i++) {
        const file = callFiles(callerNumber).find((f) => !before.includes(f));
        if (file && statSync(join(pcaps, file)).size > enough) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`rtpengine recorded no ${seconds} s from ${callerNumber}`);
    }

    it('records a 2-2 complaint, reads its case number back, and keeps the recording with the contact and the case', async () => {
      const caller = '13812340022';
      const citizen = await phone(caller);
      try {
        await citizen.dial(peer.uri('12345'));
        await citizen.press('2'); // self-service
        // The whole call's recording, started at the answer: its file is there before the complaint's.
        for (let i = 0; i < 100 && callFiles(caller).length === 0; i++)
          await new Promise((r) => setTimeout(r, 100));
        const before = callFiles(caller);
        expect(before).toHaveLength(1);
        await citizen.press('2'); // complaint: the prompt, the beep, then recording
        await recorded(caller, 2, before); // the microphone's tone is the complaint
        await citizen.press('#1'); // ends the recording, then 1 confirms
        await citizen.closed(90_000); // the number read back, goodbye, the flow hangs up
        const call = await endedCall(caller);
        expect(call).toMatchObject({ outcome: 'hung-up', caseNumber: expect.stringMatching(/^\d{8}$/) });
        expect(call.path).toContainEqual(expect.objectContaining({ node: 'complaint', digits: '1' }));
        const caseNumber = call.caseNumber!;

        // What the caller heard holds the number read back, digit by digit (each digit a prompt).
        const prompts = join(dir, 'prompts');
        let readBack = (await soundStats(promptPath(prompts, 'zh-CN', 'your-case-number-is'))).seconds;
        for (const digit of caseNumber)
          readBack += (await soundStats(promptPath(prompts, 'zh-CN', `digit-${digit}`))).seconds;
        const heard = await soundStats(citizen.heard());
        expect(heard.seconds).toBeGreaterThan(readBack);

        // The number exists for the caller: tracking answers "accepted" before an agent has listened.
        const bus = new BusRequests(running.platform.client());
        const status = await bus.query<{ status: string }>(
          LookUpCaseForCitizen,
          { caseNumber, phoneLast4: caller.slice(-4) },
          randomUUID(),
        );
        expect(status.status).toBe('accepted');

        // The recording is the contact's audio attachment: the caller's tone, about as long as recorded.
        const [recordedContact] = await running.platform.eventStore.readStream(`contact-${call.contactId!}`);
        const [audio] = (recordedContact!.data as { attachments: AttachmentRef[] }).attachments;
        expect(audio).toMatchObject({ mediaType: 'audio/wav', name: '电话投诉录音.wav' });
        const kept = await new FileAttachmentStore(join(running.dir, 'attachments')).open(audio!.id);
        const wav = join(dir, 'kept.wav');
        writeFileSync(wav, kept!.content);
        const sound = await soundStats(wav);
        expect(sound.seconds).toBeGreaterThan(1.5);
        expect(sound.rms).toBeGreaterThan(0.05);

        // The agent listens and chooses the category: the case takes the number the caller heard.
        const registered = await intake<{ caseId: string; caseNumber: string }>('RegisterCaseFromContact', {
          contactId: call.contactId!,
          caseId: `case-${randomUUID()}`,
          type: 'complaint',
          categoryCode: '030201',
        });
        expect(registered.caseNumber).toBe(caseNumber);
        const [registeredCase] = await running.platform.eventStore.readStream(`case-${registered.caseId}`);
        expect(registeredCase!.data).toMatchObject({ attachments: [audio] });
      } finally {
        await citizen.stop();
      }
    }, 150_000);

    /** Retries `check` until it passes (every 100 ms, for up to 20 s), then throws its last failure. */
    async function eventually(check: () => Promise<void>): Promise<void> {
      for (let i = 0; ; i++) {
        try {
          return await check();
        } catch (error) {
          if (i >= 200) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    }

    /** sipp's exit status says whether every call went as the scenario says; its log says why not. */
    const passed = (run: SippRun) => {
      if (run.code !== 0) throw new Error(`sipp exited with ${run.code}:\n${run.errors}\n${run.screen}`);
    };

    // sipp (sip-tester) through sipapp/sipp/run.sh: signalling edge cases and many calls at once. sipp
    // hears nothing: what it did is asserted on the calls the IVR stored.
    it('sipp: a caller who hangs up during the greeting ends the call on the caller-left path', async () => {
      const caller = '13812340044';
      passed(await runSipp('caller-hangs-up', peer.sipTarget, { CALLER: caller, HOLD_MS: '1500' }));
      expect(await endedCall(caller)).toMatchObject({ outcome: 'caller-hung-up' });
    }, 120_000);

    it('sipp: 20 callers at once, each hanging up during the greeting, are all answered and stored', async () => {
      const caller = '13812340055';
      const run = await runSipp('load', peer.sipTarget, {
        CALLER: caller,
        CALLS: '20',
        RATE: '10',
        HOLD_MS: '3000',
      });
      passed(run);
      const callIds = peer.callsFromNumber(caller);
      expect(callIds).toHaveLength(20);
      for (const callId of callIds) {
        let stored: Array<{ data: unknown }> = [];
        for (let i = 0; i < 300 && stored.length === 0; i++) {
          stored = await running.platform.eventStore.readStreamOrEmpty(`ivrCall-${platformCallId(callId)}`);
          if (stored.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(stored[0]?.data).toMatchObject({ outcome: 'caller-hung-up' });
      }
    }, 180_000);

    it('sipp: a caller’s RFC 2833 keys lead the IVR through its menus: 2 self-service, 5 the poll, 1 satisfied', async () => {
      const caller = '13812340066';
      passed(await runSipp('keys', peer.sipTarget, { CALLER: caller, KEYS: '251' }));
      const call = await endedCall(caller);
      expect(call).toMatchObject({ outcome: 'hung-up' }); // the flow thanked the caller and hung up
      expect(call.path).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ node: 'main-menu', digits: '2' }),
          expect.objectContaining({ node: 'self-service', digits: '5' }),
          expect.objectContaining({ node: 'poll', digits: '1' }),
        ]),
      );
      expect(call.path.map((step) => step.node).slice(-1)).toEqual(['thanks-rating']);
    }, 120_000);

    it('sipp: a caller who holds (re-INVITE a=sendonly) and resumes stays on the call until their BYE', async () => {
      const caller = '13812340077';
      const trace = join(dir, 'hold-trace.log');
      passed(await runSipp('hold', peer.sipTarget, { CALLER: caller, HOLD_MS: '1000', SIPP_TRACE: trace }));
      expect(await endedCall(caller)).toMatchObject({ outcome: 'caller-hung-up' });
      // Each re-INVITE was answered with rtpengine's SDP: its own media port, the caller's direction mirrored.
      const answers = readFileSync(trace, 'utf8')
        .split(/-{10,}/)
        .filter((message) => /SIP\/2\.0 200 OK[\s\S]*CSeq: [23] INVITE/i.test(message));
      expect(answers).toHaveLength(2);
      expect(answers[0]).toMatch(/a=recvonly/);
      expect(answers[1]).toMatch(/a=sendrecv/);
      for (const answer of answers) expect(answer).toMatch(/m=audio [1-9][0-9]* RTP\/AVP/);
    }, 120_000);

    it('sipp: a caller who cancels while it rings gets 487, and nothing of the call is left', async () => {
      const caller = '13812340088';
      passed(await runSipp('cancel', peer.sipTarget, { CALLER: caller }));
      const callId = peer.lastCallFrom(caller)!;
      expect(callId).toBeDefined();
      // rtpengine releases the call's media (the app deletes it once the CANCEL ends the setup).
      await eventually(async () => {
        await expect(rtpengine.send('query', { 'call-id': callId })).rejects.toThrow(/unknown call-id/i);
      });
      const id = platformCallId(callId);
      expect(await running.platform.eventStore.readStreamOrEmpty(`ivrCall-${id}`)).toEqual([]);
      expect(await running.platform.eventStore.readStreamOrEmpty(`contact-ivr-${id}`)).toEqual([]);
    }, 60_000);

    it('sipp: INVITEs with a broken SDP (488) or no Contact (400) are refused, and the next call works', async () => {
      const caller = '13812340099';
      passed(await runSipp('malformed', peer.sipTarget, { CALLER: caller }));
      const callId = peer.lastCallFrom(caller)!;
      await expect(rtpengine.send('query', { 'call-id': callId })).rejects.toThrow(/unknown call-id/i);
      expect(
        await running.platform.eventStore.readStreamOrEmpty(`ivrCall-${platformCallId(callId)}`),
      ).toEqual([]);
      const next = '13812340100';
      passed(await runSipp('caller-hangs-up', peer.sipTarget, { CALLER: next, HOLD_MS: '500' }));
      expect(await endedCall(next)).toMatchObject({ outcome: 'caller-hung-up' });
    }, 60_000);

    it('refuses a caller on intake’s blocklist: they hear the refusal, then the line closes', async () => {
      const caller = '13700002222';
      await intake('BlockCaller', { phone: caller, reason: '多次骚扰热线' });
      const citizen = await phone(caller);
      try {
        await citizen.dial(peer.uri('12345'));
        await citizen.closed(30_000);
        expect(await endedCall(caller)).toMatchObject({ outcome: 'blocked' });
        const refusal = await soundStats(promptPath(join(dir, 'prompts'), 'zh-CN', 'blocked'));
        const heard = await soundStats(citizen.heard());
        expect(heard.seconds).toBeGreaterThan(refusal.seconds - 0.5);
        expect(heard.seconds).toBeLessThan(refusal.seconds + 3);
        expect(heard.rms).toBeGreaterThan(0.01);
      } finally {
        await citizen.stop();
      }
    }, 60_000);
  },
);
