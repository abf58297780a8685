import { z } from 'zod';
import { defineCommand, defineEvent } from '../messages/define';
import { CaseId, IsoDateTime, Note, UnitId } from '../workflow/case.values';
import {
  DeadlinePoint,
  ESCALATION_SERVICE,
  REMINDER_CATEGORY,
  ReminderChannel,
  ReminderId,
} from './escalation.values';

const ErrorText = z.string().min(1).max(500);
const Attempt = z.number().int().positive().max(100);

export const SendReminder = defineCommand({
  type: 'SendReminder',
  service: ESCALATION_SERVICE,
  summary:
    "Chase the unit holding an open case (催办), with a note; center staff's, or automatic at a due point.",
  schema: z.object({
    reminderId: ReminderId,
    caseId: CaseId,
    note: Note.optional(),
    /** Set by the timers: the due point that caused an automatic reminder. */
    point: DeadlinePoint.optional(),
    /** An emergency case (紧急): the unit's duty phone is called and texted at once, whatever the city's channels. */
    emergency: z.boolean().optional(),
  }),
});

export const RecordReminderDelivery = defineCommand({
  type: 'RecordReminderDelivery',
  service: ESCALATION_SERVICE,
  summary: "The delivery worker's own command: the outcome of one delivery attempt on one channel.",
  schema: z.object({
    reminderId: ReminderId,
    channel: ReminderChannel,
    attempt: Attempt,
    outcome: z.enum(['delivered', 'requested', 'failed']),
    error: ErrorText.optional(),
  }),
});

export const MarkReminderRead = defineCommand({
  type: 'MarkReminderRead',
  service: ESCALATION_SERVICE,
  summary: "A user of the chased unit opened the reminder: the portal's badge stops counting it.",
  schema: z.object({ reminderId: ReminderId }),
});

export const ReminderSent = defineEvent({
  type: 'ReminderSent',
  version: 1,
  category: REMINDER_CATEGORY,
  summary: 'A unit was chased about a case (催办); each channel then reports its delivery.',
  schema: z.object({
    reminderId: ReminderId,
    caseId: CaseId,
    /** The number the unit reads (absent on reminders sent before it was recorded). */
    caseNumber: z.string().min(1).max(32).optional(),
    unitId: UnitId,
    automatic: z.boolean(),
    point: DeadlinePoint.optional(),
    note: Note.optional(),
    channels: z.array(ReminderChannel).min(1).max(4),
    /** The deadline the unit is chased about, when the case has one. */
    dueAt: IsoDateTime.optional(),
    /** An emergency dispatch: SMS and a voice call to the duty phone besides the city's channels. */
    emergency: z.boolean().optional(),
  }),
});

export const ReminderDeliveryAttempted = defineEvent({
  type: 'ReminderDeliveryAttempted',
  version: 1,
  category: REMINDER_CATEGORY,
  summary:
    'One delivery attempt of a reminder on one channel: delivered, requested (a voice call handed to the telephony) or failed (retried).',
  schema: z.object({
    reminderId: ReminderId,
    unitId: UnitId,
    channel: ReminderChannel,
    attempt: Attempt,
    outcome: z.enum(['delivered', 'requested', 'failed']),
    error: ErrorText.optional(),
  }),
});

export const ReminderUndelivered = defineEvent({
  type: 'ReminderUndelivered',
  version: 1,
  category: REMINDER_CATEGORY,
  summary: 'A channel failed every attempt: the reminder shows as undelivered on it (never silently lost).',
  schema: z.object({
    reminderId: ReminderId,
    unitId: UnitId,
    channel: ReminderChannel,
    attempts: Attempt,
    error: ErrorText,
  }),
});

export const ReminderRead = defineEvent({
  type: 'ReminderRead',
  version: 1,
  category: REMINDER_CATEGORY,
  summary: 'A user of the chased unit opened the reminder.',
  schema: z.object({ reminderId: ReminderId, unitId: UnitId }),
});

export const reminderCommands = [SendReminder, RecordReminderDelivery, MarkReminderRead] as const;
export const reminderEvents = [
  ReminderSent,
  ReminderDeliveryAttempted,
  ReminderUndelivered,
  ReminderRead,
] as const;
