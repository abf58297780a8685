import { z } from 'zod';
import { envBool, envInt } from '@hotline/infra/config';
import { validCallingHours } from './outbound/calling-hours';

const HostPort = z.string().regex(/^[A-Za-z0-9.-]+:[0-9]{1,5}$/, 'must be host:port');

/** The telephone edge's own settings (the platform's are in platformConfigSchema). */
export const sipappConfigSchema = z.object({
  SIPAPP_FLOW_ID: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,39}$/)
    .default('main')
    .describe('The IVR flow that answers incoming calls (the shipped default until one is published)'),
  SIPAPP_TELEPHONY: envBool()
    .default(false)
    .describe(
      'Use the media engine and drachtio-server; their reachability is part of /health/ready. Off: only the flow, announcement and outbound APIs run',
    ),
  RTPENGINE_NG: HostPort.default('127.0.0.1:22222').describe("rtpengine's ng control port (UDP)"),
  SIPAPP_DTMF_PORT: envInt({ min: 1, max: 65_535 })
    .default(22223)
    .describe("UDP port the sipapp listens on for rtpengine's DTMF log (rtpengine --dtmf-log-dest)"),
  SIPAPP_DTMF_HOST: z
    .string()
    .min(1)
    .default('127.0.0.1')
    .describe(
      "Address the DTMF log port is bound to: 0.0.0.0 where rtpengine runs on another host (Kubernetes); in distributed mode a key for another replica's call is passed to it over NATS",
    ),
  SIPAPP_PROMPT_DIR: z
    .string()
    .min(1)
    .default('data/prompts')
    .describe('Prompt WAV files, <dir>/<language>/<prompt>.wav; missing ones are made with espeak-ng'),
  SIPAPP_RECORD_CALLS: envBool()
    .default(true)
    .describe(
      'Record every answered call whole (inbound from the answer, both sides once an agent is joined; outbound once answered) and keep it as WAV, searchable in the console; needs SIPAPP_RECORDING_DIR',
    ),
  SIPAPP_RECORDING_DIR: z
    .string()
    .min(1)
    .optional()
    .describe(
      "rtpengine's --recording-dir (pcap): a caller's recording is replayed from it and a confirmed one kept as WAV with its contact; unset: neither",
    ),
  SIPAPP_RING_MS: envInt({ min: 0, max: 30_000 })
    .default(0)
    .describe(
      'How long an incoming call rings (180 Ringing) before the IVR answers it, in ms; a CANCEL meanwhile leaves nothing behind. 0 answers at once',
    ),
  SIPAPP_OUTBOUND_GATEWAY: HostPort.optional().describe(
    "Where the outbound dialer and an agent's transfer to an outside number send their INVITEs, sip:<number>@<host:port> (the trunk or SBC); unset: outbound calls are stored and not dialed, transfers to a number fail",
  ),
  SIPAPP_HOLD_MUSIC: z
    .string()
    .min(1)
    .optional()
    .describe(
      'The hold music, a WAV file rtpengine can read: looped to a caller waiting in a queue (between position announcements) and on hold; unset: a tone melody made with sox under the prompt directory (music/hold.wav)',
    ),
  SIPAPP_QUEUE_POSITION_SECONDS: envInt({ min: 0, max: 600 })
    .default(30)
    .describe(
      'A caller waiting in a queue hears their position (您前面还有 N 位) on entry and again every this many seconds, the hold music between; 0: on entry only',
    ),
  SIPAPP_CALLER_ID: z
    .string()
    .regex(/^\+?[0-9]{3,20}$/, 'must be 3-20 digits')
    .default('12345')
    .describe('The number outbound calls come from (the From user the callee sees)'),
  SIPAPP_OUTBOUND_MAX_CALLS: envInt({ min: 1, max: 500 })
    .default(4)
    .describe('Outbound calls under way at once per sipapp; further requested calls wait their turn'),
  SIPAPP_OUTBOUND_RING_SECONDS: envInt({ min: 5, max: 120 })
    .default(40)
    .describe(
      "The longest an outbound call rings before it is cancelled as not answered (a request's own ring time is capped by it)",
    ),
  SIPAPP_CALLING_HOURS: z
    .string()
    .refine(validCallingHours, 'must be HH:MM-HH:MM in China time, start before end')
    .default('08:00-21:00')
    .describe(
      'China time in which citizens are called (surveys, callbacks); outside it their calls wait. Voice notices to duty phones go at any hour',
    ),
  SIPAPP_CALLING_DAYS: z
    .enum(['working', 'every'])
    .default('working')
    .describe(
      'Days on which citizens are called: working (the working calendar: no calls at weekends and public holidays, make-up workdays included) or every',
    ),
  SIPAPP_OUTBOUND_KEY_SECONDS: envInt({ min: 2, max: 30 })
    .default(8)
    .describe("Silence after a survey call's question before it is asked again"),
  SIPAPP_OUTBOUND_KEY_ATTEMPTS: envInt({ min: 1, max: 5 })
    .default(2)
    .describe("Times a survey call's question is asked when no key, or a key with no answer, comes"),
  DRACHTIO_URL: HostPort.optional().describe('drachtio-server control address (inbound connection mode)'),
  DRACHTIO_SECRET: z.string().min(1).default('cymru').describe("drachtio-server's shared secret"),
});
export type SipappConfig = z.infer<typeof sipappConfigSchema>;
