import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceDefinition } from '@hotline/infra/platform';
import { createSipappService } from '@hotline/sipapp';
import { ensurePromptFiles } from '@hotline/sipapp/src/media/prompt-files';
import { DrachtioTestPeer } from '@hotline/sipapp/src/testing/drachtio-test-peer/drachtio-test-peer';
import { SipTestPhone } from '@hotline/sipapp/src/testing/sip-test-phone';
import { listenForDtmfInTurn } from '@hotline/sipapp/src/testing/dtmf-in-turn';

/**
 * The sipapp with telephony on behind the drachtio-server test peer and the run's rtpengine
 * (scripts/jest/rtpengine.js), its prompts under `dir`; `env` adds the suite's own settings.
 */
export async function telephonySipapp(
  peer: DrachtioTestPeer,
  dir: string,
  env: Record<string, string> = {},
): Promise<ServiceDefinition> {
  // rtpengine's DTMF log port is the run's one: wait for it, then the sipapp binds it.
  const dtmfPort = Number(process.env.RTPENGINE_DTMF_PORT);
  await (await listenForDtmfInTurn(dtmfPort)).close();
  return createSipappService({
    env: {
      SIPAPP_TELEPHONY: 'true',
      RTPENGINE_NG: process.env.RTPENGINE_NG!,
      DRACHTIO_URL: peer.url,
      SIPAPP_DTMF_PORT: String(dtmfPort),
      SIPAPP_PROMPT_DIR: join(dir, 'prompts'),
      ...env,
    },
  });
}

/** A sipapp that dials out to a test phone, and what it stands on; `close` ends the phone, peer and folder. */
export interface CitizenDialing {
  dir: string;
  peer: DrachtioTestPeer;
  phone: SipTestPhone;
  sipapp: ServiceDefinition;
  close(): Promise<void>;
}

/**
 * The sipapp's outbound dialer with the citizens' test phone where the trunk would stand, calling at
 * any hour on any day (the suite may run at night or on a weekend); zh-CN prompts made under a fresh
 * folder named by `name`.
 */
export async function citizenDialing(name: string): Promise<CitizenDialing> {
  const dir = mkdtempSync(join(tmpdir(), `hotline-${name}-`));
  await ensurePromptFiles(join(dir, 'prompts'), ['zh-CN']);
  const peer = await DrachtioTestPeer.start();
  const phone = await SipTestPhone.open();
  const sipapp = await telephonySipapp(peer, dir, {
    SIPAPP_OUTBOUND_GATEWAY: phone.sipTarget,
    SIPAPP_CALLING_HOURS: '00:00-24:00',
    SIPAPP_CALLING_DAYS: 'every',
  });
  return {
    dir,
    peer,
    phone,
    sipapp,
    close: async () => {
      phone.close();
      await peer.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
