import { z } from 'zod';
import { ClientId } from '../kernel/ids';

/** The telephone edge (the sipapp): the NATS subject token of its commands and queries. */
export const TELEPHONY_SERVICE = 'telephony';
/** One stream per IVR flow (`ivrFlow-<flowId>`): each published version is an event. */
export const IVR_FLOW_CATEGORY = 'ivrFlow';
/** One stream for the live announcement a supervisor sets during a mass incident. */
export const LIVE_ANNOUNCEMENT_CATEGORY = 'ivrAnnouncement';
/** One stream per outbound call (`outboundCall-<callId>`). */
export const OUTBOUND_CALL_CATEGORY = 'outboundCall';
/** One stream per inbound call through the IVR (`ivrCall-<callId>`). */
export const IVR_CALL_CATEGORY = 'ivrCall';

export const FlowId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lowercase slug of at most 40 characters');
export type FlowId = z.infer<typeof FlowId>;

export const NodeId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lowercase slug of at most 40 characters');
export type NodeId = z.infer<typeof NodeId>;

/** The languages a flow's prompts come in; zh-CN first. */
export const PromptLanguage = z.enum(['zh-CN', 'en']);
export type PromptLanguage = z.infer<typeof PromptLanguage>;

/**
 * A prompt by name: the media adapter finds `<language>/<key>.wav` in the prompt directory. The default
 * prompts are made with espeak-ng (`sipapp/prompts/generate.sh`); a city records its own.
 */
export const PromptKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,59}$/, 'must be a lowercase prompt name such as welcome or digit-7');
export type PromptKey = z.infer<typeof PromptKey>;

export const Digit = z.enum(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']);
export type Digit = z.infer<typeof Digit>;

/** An id chosen by the caller of a telephony command: the call's id, idempotent. */
export const CallId = ClientId;
export type CallId = z.infer<typeof CallId>;

/**
 * A call's recording, kept as WAV in the platform's attachment store: `recordingId` is its attachment
 * id (a content hash, never a public address); the gateway serves it only to those who may hear it.
 */
export const CallRecording = z.object({
  recordingId: ClientId,
  seconds: z.number().min(0).max(86_400),
});
export type CallRecording = z.infer<typeof CallRecording>;

/** A number the platform dials: digits, optionally with a leading +. */
export const DialNumber = z.string().regex(/^\+?[0-9]{3,20}$/, 'must be 3-20 digits');
