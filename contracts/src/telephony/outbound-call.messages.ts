import { z } from 'zod';
import { defineCommand, defineEvent } from '../messages/define';
import { freeText, personal } from '../messages/personal-data';
import { CaseId } from '../workflow/case.values';
import {
  CallId,
  DialNumber,
  Digit,
  OUTBOUND_CALL_CATEGORY,
  PromptLanguage,
  TELEPHONY_SERVICE,
} from './telephony.values';

/**
 * Why the platform calls out: a callback the caller asked for (an agent's phone rings first), a survey
 * question (回访, DTMF answer), or a voice notice read to a unit's duty phone (an emergency dispatch).
 */
export const OutboundPurpose = z.enum(['callback', 'survey', 'voice-notice']);
export type OutboundPurpose = z.infer<typeof OutboundPurpose>;

const SpokenText = freeText(z.string().trim().min(1).max(500));
const AnswerSlug = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lowercase slug');

export const PlaceOutboundCall = defineCommand({
  type: 'PlaceOutboundCall',
  service: TELEPHONY_SERVICE,
  summary:
    'Call a number for a callback, a survey question or a voice notice; idempotent by callId; the outcome arrives as OutboundCallFinished.',
  schema: z
    .object({
      callId: CallId,
      purpose: OutboundPurpose,
      number: personal(DialNumber),
      caseId: CaseId.optional(),
      language: PromptLanguage.default('zh-CN'),
      /** What the callee hears once they answer (text read by the TTS; a notice repeats it once). */
      message: SpokenText,
      /** survey: digit → answer, e.g. { "1": "satisfied", "2": "basically-satisfied", "3": "dissatisfied" }. */
      answers: z.partialRecord(Digit, AnswerSlug).optional(),
      /** callback: the agent whose phone rings first and who is bridged to the citizen. */
      agentId: z.string().min(1).max(128).optional(),
      /** How long the callee's phone rings before the call counts as not answered. */
      ringSeconds: z.number().int().min(5).max(120).default(40),
    })
    .refine((c) => c.purpose !== 'survey' || (c.answers !== undefined && Object.keys(c.answers).length > 0), {
      message: 'a survey call needs answers (digit → answer)',
      path: ['answers'],
    })
    .refine((c) => c.purpose !== 'callback' || c.agentId !== undefined, {
      message: 'a callback needs the agentId whose phone rings first',
      path: ['agentId'],
    }),
});

export const OutboundCallRequested = defineEvent({
  type: 'OutboundCallRequested',
  version: 1,
  category: OUTBOUND_CALL_CATEGORY,
  summary: 'The telephone edge accepted an outbound call and dials it.',
  schema: z.object({
    callId: CallId,
    purpose: OutboundPurpose,
    number: personal(DialNumber),
    caseId: CaseId.optional(),
    language: PromptLanguage,
    message: SpokenText,
    answers: z.partialRecord(Digit, AnswerSlug).optional(),
    agentId: z.string().optional(),
    ringSeconds: z.number().int(),
    requestedBy: z.string(),
  }),
});

export const OutboundOutcome = z.enum(['answered', 'no-answer', 'busy', 'failed']);
export type OutboundOutcome = z.infer<typeof OutboundOutcome>;

export const OutboundCallFinished = defineEvent({
  type: 'OutboundCallFinished',
  version: 1,
  category: OUTBOUND_CALL_CATEGORY,
  summary:
    'How the outbound call ended: answered (with the survey answer when one was pressed), not answered, busy or failed.',
  schema: z.object({
    callId: CallId,
    purpose: OutboundPurpose,
    caseId: CaseId.optional(),
    outcome: OutboundOutcome,
    answer: AnswerSlug.optional(),
    talkSeconds: z.number().min(0).optional(),
    reason: z.string().max(200).optional(),
  }),
});

export const ReportOutboundCallOutcome = defineCommand({
  type: 'ReportOutboundCallOutcome',
  service: TELEPHONY_SERVICE,
  summary: "The media side reports how an outbound call ended (the sipapp's own dialer, or a test).",
  schema: OutboundCallFinished.schema.omit({ purpose: true, caseId: true }),
});

export const outboundCallCommands = [PlaceOutboundCall, ReportOutboundCallOutcome] as const;
export const outboundCallEvents = [OutboundCallRequested, OutboundCallFinished] as const;
