import { z } from 'zod';
import { defineCommand, defineEvent } from '../messages/define';
import { freeText, personal } from '../messages/personal-data';
import { CaseId } from '../workflow/case.values';
import {
  CallId,
  CallRecording,
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
const QuestionId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'must be 1-80 lowercase letters, digits, . _ -');

/** One question of a call that asks several (an IVR poll: each question about each unit). */
export const OutboundQuestion = z.object({
  id: QuestionId,
  message: SpokenText,
  answers: z.partialRecord(Digit, AnswerSlug),
});
export type OutboundQuestion = z.infer<typeof OutboundQuestion>;
const Questions = z.array(OutboundQuestion).min(1).max(60);

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
      /** survey, instead of `answers`: several questions, asked in turn after the message (an IVR poll). */
      questions: Questions.optional(),
      /** callback: the agent whose phone rings first and who is bridged to the citizen. */
      agentId: z.string().min(1).max(128).optional(),
      /** How long the callee's phone rings before the call counts as not answered. */
      ringSeconds: z.number().int().min(5).max(120).default(40),
    })
    .refine(
      (c) =>
        c.purpose !== 'survey' ||
        (c.answers !== undefined && Object.keys(c.answers).length > 0) !== (c.questions !== undefined),
      { message: 'a survey call needs answers (digit → answer) or questions, not both', path: ['answers'] },
    )
    .refine((c) => c.questions === undefined || c.purpose === 'survey', {
      message: 'only a survey call asks questions',
      path: ['questions'],
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
    questions: Questions.optional(),
    agentId: z.string().optional(),
    ringSeconds: z.number().int(),
    requestedBy: z.string(),
  }),
});

/**
 * answered; no-answer (480, 408, or cancelled at the ring timeout); busy (486, 600); rejected (603
 * Decline and other refusals by the callee); failed (the network, the media engine, anything else).
 */
export const OutboundOutcome = z.enum(['answered', 'no-answer', 'busy', 'rejected', 'failed']);
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
    /** A call with questions: the answer per question id, for the questions a key answered. */
    answers: z.record(QuestionId, AnswerSlug).optional(),
    talkSeconds: z.number().min(0).optional(),
    /** From the INVITE to its final response (the time the phone rang). */
    ringSeconds: z.number().min(0).optional(),
    /** The final SIP status of the INVITE (200, 486, 487 after the ring timeout's CANCEL…). */
    sipStatus: z.number().int().min(100).max(699).optional(),
    reason: z.string().max(200).optional(),
    /** The answered call recorded from the answer to the hang-up. */
    recording: CallRecording.optional(),
  }),
});

export const DialOutboundCall = defineCommand({
  type: 'DialOutboundCall',
  service: TELEPHONY_SERVICE,
  summary:
    "The sipapp's dialer claims a requested call just before it dials it: once per call, so a call is never placed twice (another replica's claim, a restart).",
  schema: z.object({
    callId: CallId,
    /** The dialer instance that places the call (a replica's id). */
    dialer: z.string().min(1).max(128),
  }),
});

export const OutboundCallDialed = defineEvent({
  type: 'OutboundCallDialed',
  version: 1,
  category: OUTBOUND_CALL_CATEGORY,
  summary: 'A dialer claimed the call and is placing it; no other dialer will.',
  schema: z.object({ callId: CallId, dialer: z.string() }),
});

export const ReportOutboundCallOutcome = defineCommand({
  type: 'ReportOutboundCallOutcome',
  service: TELEPHONY_SERVICE,
  summary: "The media side reports how an outbound call ended (the sipapp's own dialer, or a test).",
  schema: OutboundCallFinished.schema.omit({ purpose: true, caseId: true }),
});

export const outboundCallCommands = [PlaceOutboundCall, DialOutboundCall, ReportOutboundCallOutcome] as const;
export const outboundCallEvents = [OutboundCallRequested, OutboundCallDialed, OutboundCallFinished] as const;
