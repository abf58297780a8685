import { z } from 'zod';
import { QueueId, SkillRequirement } from '../routing/routing.values';
import { DialNumber, Digit, FlowId, NodeId, PromptKey, PromptLanguage } from './telephony.values';

/**
 * An IVR flow as data: nodes by id, one start. Every node names where the call goes next, so the
 * validator (ivr-flow.validate.ts) can prove every node reachable and every path ending.
 */
const Title = z.string().trim().min(1).max(60);
const Seconds = (min: number, max: number, fallback: number) =>
  z.number().int().min(min).max(max).default(fallback);
const Attempts = z.number().int().min(1).max(5).default(3);
/** A variable the flow keeps during a call, e.g. the case number the caller typed. */
export const FlowVariable = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{0,29}$/, 'must be a camelCase variable name such as caseNumber');

const base = { title: Title.optional() };

export const PlayNode = z.object({
  ...base,
  kind: z.literal('play'),
  prompts: z.array(PromptKey).min(1).max(10),
  next: NodeId,
});

export const MenuNode = z.object({
  ...base,
  kind: z.literal('menu'),
  prompt: PromptKey,
  /** Digit → node. Keys outside 0-9 * # are refused by the schema. */
  options: z
    .partialRecord(Digit, NodeId)
    .refine((o) => Object.keys(o).length > 0, 'needs at least one option'),
  timeoutSeconds: Seconds(1, 30, 6),
  attempts: Attempts,
  /** Where the call goes once every attempt was a timeout or an invalid choice. */
  onFail: NodeId,
});

export const CollectNode = z
  .object({
    ...base,
    kind: z.literal('collect'),
    prompt: PromptKey,
    into: FlowVariable,
    minDigits: z.number().int().min(1).max(20),
    maxDigits: z.number().int().min(1).max(20),
    terminator: z.enum(['#', '*']).default('#'),
    timeoutSeconds: Seconds(1, 60, 10),
    attempts: Attempts,
    /** Read the digits back and ask 1 confirm / 2 re-enter (the status query's way). */
    readBack: z.boolean().default(false),
    next: NodeId,
    onFail: NodeId,
  })
  .refine((n) => n.minDigits <= n.maxDigits, {
    message: 'minDigits must not exceed maxDigits',
    path: ['minDigits'],
  });

export const RecordingPurpose = z.enum(['complaint', 'mayor-mailbox', 'voicemail']);
export type RecordingPurpose = z.infer<typeof RecordingPurpose>;

export const RecordNode = z.object({
  ...base,
  kind: z.literal('record'),
  prompt: PromptKey,
  purpose: RecordingPurpose,
  maxSeconds: Seconds(5, 600, 120),
  /** After the caller confirmed (1) and the recording was submitted; a case number is read back first. */
  next: NodeId,
  /** After the caller cancelled (3) or never confirmed. */
  onCancel: NodeId,
});

export const CaseStatusNode = z.object({
  ...base,
  kind: z.literal('case-status'),
  /** The variable a collect node filled with the 8-digit case number. */
  from: FlowVariable,
  next: NodeId,
  onNotFound: NodeId,
});

export const EnqueueNode = z.object({
  ...base,
  kind: z.literal('enqueue'),
  queueId: QueueId,
  urgent: z.boolean().default(false),
  skills: z.array(SkillRequirement).max(5).default([]),
  /** Ask for an agent speaking the language the caller chose. */
  matchLanguage: z.boolean().default(true),
  /** Where the caller goes when the agent hangs up first: the satisfaction question. */
  afterCall: NodeId.optional(),
});

export const TransferNode = z.object({ ...base, kind: z.literal('transfer'), number: DialNumber });

export const CallbackOfferNode = z.object({
  ...base,
  kind: z.literal('callback-offer'),
  prompt: PromptKey,
  accepted: NodeId,
  declined: NodeId,
});

export const SurveyNode = z.object({
  ...base,
  kind: z.literal('survey'),
  question: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lowercase slug'),
  prompt: PromptKey,
  options: z
    .partialRecord(Digit, z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lowercase slug'))
    .refine((o) => Object.keys(o).length > 0, 'needs at least one answer'),
  next: NodeId,
});

export const LocalTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time HH:mm');
export const BusinessHoursNode = z.object({
  ...base,
  kind: z.literal('business-hours'),
  /** Working days follow the working calendar (holidays, 调休 weekend working days). */
  days: z.enum(['working-days', 'every-day']),
  sessions: z
    .array(
      z
        .object({ start: LocalTime, end: LocalTime })
        .refine((s) => s.start < s.end, 'start must be before end'),
    )
    .min(1)
    .max(4),
  open: NodeId,
  closed: NodeId,
});

export const BlocklistNode = z.object({
  ...base,
  kind: z.literal('blocklist'),
  blocked: NodeId,
  allowed: NodeId,
});

export const AnnouncementNode = z.object({ ...base, kind: z.literal('announcement'), next: NodeId });

export const LanguageNode = z.object({
  ...base,
  kind: z.literal('language'),
  prompt: PromptKey,
  options: z
    .partialRecord(Digit, PromptLanguage)
    .refine((o) => Object.keys(o).length > 0, 'needs at least one language'),
  timeoutSeconds: Seconds(1, 30, 4),
  next: NodeId,
});

export const HangupNode = z.object({
  ...base,
  kind: z.literal('hangup'),
  prompts: z.array(PromptKey).max(10).default([]),
});

export const IvrNode = z.discriminatedUnion('kind', [
  PlayNode,
  MenuNode,
  CollectNode,
  RecordNode,
  CaseStatusNode,
  EnqueueNode,
  TransferNode,
  CallbackOfferNode,
  SurveyNode,
  BusinessHoursNode,
  BlocklistNode,
  AnnouncementNode,
  LanguageNode,
  HangupNode,
]);
export type IvrNode = z.infer<typeof IvrNode>;
export type IvrNodeKind = IvrNode['kind'];

export const IvrFlowDocument = z.object({
  flowId: FlowId,
  name: Title,
  start: NodeId,
  defaultLanguage: PromptLanguage.default('zh-CN'),
  nodes: z
    .record(NodeId, IvrNode)
    .refine((nodes) => Object.keys(nodes).length <= 200, 'a flow has at most 200 nodes'),
});
export type IvrFlowDocument = z.infer<typeof IvrFlowDocument>;
export type IvrFlowInput = z.input<typeof IvrFlowDocument>;
