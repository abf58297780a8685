import { z } from 'zod';
import { personal } from '../messages/personal-data';
import { defineCommand, defineEvent } from '../messages/define';
import { CanonicalPhoneNumber } from '../workflow/citizen';
import { INTAKE_SERVICE, STAFF_NOTICE_CATEGORY } from './intake.values';

/**
 * Chosen by the sender so that a retry names the same notice: e.g. `reminder-<id>-sms-0` for the
 * first SMS recipient of a reminder. A notice already sent is never sent again.
 */
export const StaffNoticeId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,127}$/, 'must be 1-128 characters of A-Z a-z 0-9 : . _ -');

/** An SMS or a mail to government staff (a unit's duty desk, leader, liaison): never to a citizen. */
export const SendStaffNotice = defineCommand({
  type: 'SendStaffNotice',
  service: INTAKE_SERVICE,
  summary:
    "Send an SMS or a mail to a unit's staff through the hotline's outbound channels (the SMSC, the mail relay), once per notice id.",
  schema: z.discriminatedUnion('channel', [
    z.object({
      noticeId: StaffNoticeId,
      channel: z.literal('sms'),
      to: personal(CanonicalPhoneNumber),
      text: z.string().trim().min(1).max(500),
    }),
    z.object({
      noticeId: StaffNoticeId,
      channel: z.literal('email'),
      to: personal(z.email().max(200)),
      subject: z.string().trim().min(1).max(120),
      text: z.string().trim().min(1).max(4000),
    }),
  ]),
});

/** The recipient is not kept: the unit's contacts say who it was, the event is audit enough. */
export const StaffNoticeSent = defineEvent({
  type: 'StaffNoticeSent',
  version: 1,
  category: STAFF_NOTICE_CATEGORY,
  summary: 'The SMSC accepted every part of a staff SMS, or the mail relay accepted a staff mail.',
  schema: z.object({
    noticeId: StaffNoticeId,
    channel: z.enum(['sms', 'email']),
    parts: z.number().int().min(1).max(10).optional(),
  }),
});

export const staffNoticeCommands = [SendStaffNotice] as const;
export const staffNoticeEvents = [StaffNoticeSent] as const;
