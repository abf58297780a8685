import { z } from 'zod';
import { defineEvent } from '../messages/define';
import { personal } from '../messages/personal-data';
import { IsoDateTime } from '../workflow/case.values';
import { CallId, CallRecording, FlowId, IVR_CALL_CATEGORY, NodeId, PromptLanguage } from './telephony.values';

/** One step of a call through the flow: the node and what the caller pressed there. */
export const IvrStep = z.object({ node: NodeId, kind: z.string(), digits: z.string().max(40).optional() });
export type IvrStep = z.infer<typeof IvrStep>;

export const IvrCallOutcome = z.enum([
  'hung-up', // the flow ended the call
  'caller-hung-up',
  'queued', // left the IVR for an agent
  'transferred',
  'blocked',
  'refused', // the telephone edge was not ready: 503, nothing else stored
  'failed',
]);
export type IvrCallOutcome = z.infer<typeof IvrCallOutcome>;

export const IvrCallEnded = defineEvent({
  type: 'IvrCallEnded',
  version: 1,
  category: IVR_CALL_CATEGORY,
  summary:
    'A call left the IVR: the flow version it ran, its path, the language, and the contact or case it made.',
  schema: z.object({
    callId: CallId,
    flowId: FlowId,
    flowVersion: z.number().int().min(0),
    callerNumber: personal(z.string().max(40)).optional(),
    startedAt: IsoDateTime,
    language: PromptLanguage,
    path: z.array(IvrStep).max(500),
    outcome: IvrCallOutcome,
    contactId: z.string().optional(),
    caseNumber: z.string().optional(),
    /** The agent the call reached; the satisfaction answer after the call is theirs. */
    agentId: z.string().optional(),
    /** Question → answer, e.g. { "call-satisfaction": "satisfied" }. */
    surveyAnswers: z.record(z.string(), z.string()).default({}),
    /** The whole call recorded from the answer (the IVR part and the agent conversation, both sides). */
    recording: CallRecording.optional(),
  }),
});

export const ivrCallEvents = [IvrCallEnded] as const;
