import { join } from 'node:path';
import type { ServiceDefinition } from '@hotline/infra/platform';
import { createSipappService } from '@hotline/sipapp';
import type { DrachtioTestPeer } from '@hotline/sipapp/src/testing/drachtio-test-peer/drachtio-test-peer';
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
