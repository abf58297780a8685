import {
  CITY_DISTRICT,
  GetCase,
  ListUnits,
  PlaceOutboundCall,
  SendStaffNotice,
  systemActor,
  type CaseDetailView,
  type UnitView,
} from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { NotificationSender, ReminderNotice } from './notification-sender';

const ACTOR = systemActor('escalation-reminders');
/** Who hears a reminder: the people who work the unit's cases (the leader hears the ladder and 督办). */
const REMINDED_ROLES = new Set(['duty', 'liaison']);

/**
 * Reminders by SMS and mail through intake's outbound channels (`SendStaffNotice`), to the unit's
 * duty desk and liaison as the workflow lists them. Each recipient's notice id names the reminder,
 * the channel and the recipient, so a retry after a partial failure sends only what is missing.
 * A unit without a number (or an address) for the channel fails the attempt: it shows as
 * undelivered, never as sent. A voice call goes to the unit's duty phones through the sipapp's
 * outbound API (`PlaceOutboundCall`, one call id per reminder and number): the attempt is `requested`,
 * and the telephony reports how the call ended (`OutboundCallFinished`).
 */
export function staffNotificationSender(requests: BusRequests): NotificationSender {
  const origin = { actor: ACTOR, districtId: CITY_DISTRICT };
  const viewer = { actor: ACTOR, districtId: CITY_DISTRICT };
  return {
    async send(channel, notice, attempt = 1) {
      const [units, view] = await Promise.all([
        requests.query<UnitView[]>(ListUnits, { viewer, includeInactive: true }, notice.reminderId),
        requests.query<CaseDetailView>(GetCase, { viewer, caseId: notice.caseId }, notice.reminderId),
      ]);
      const unit = units.find((u) => u.unitId === notice.unitId);
      if (channel === 'voice') {
        await callDutyPhones(requests, unit, view.caseNumber, notice, attempt);
        return 'requested';
      }
      const recipients = (unit?.contacts ?? [])
        .filter((c) => REMINDED_ROLES.has(c.role))
        .map((c) => (channel === 'sms' ? c.phone : c.email))
        .filter((to): to is string => to !== undefined && (channel === 'email' || /^1[3-9]\d{9}$/.test(to)));
      if (recipients.length === 0) {
        throw new Error(
          `unit ${notice.unitId} has no duty or liaison contact with ${channel === 'sms' ? 'a mobile number' : 'an email address'}`,
        );
      }
      const text = reminderText(view.caseNumber, notice);
      for (const [index, to] of [...new Set(recipients)].entries()) {
        const noticeId = `reminder-${notice.reminderId}-${channel}-${index}`;
        const data =
          channel === 'sms'
            ? { noticeId, channel, to, text }
            : { noticeId, channel, to, subject: `【12345催办】案件${view.caseNumber}`, text };
        await requests.command(SendStaffNotice, `${noticeId}-send`, data, {
          ...origin,
          correlationId: notice.reminderId,
        });
      }
      return 'delivered';
    },
  };
}

/** The duty desk's numbers as dialled: a landline's area code joined to it, an extension left off. */
const dialled = (phone: string): string => phone.split('-').slice(0, 2).join('');

async function callDutyPhones(
  requests: BusRequests,
  unit: UnitView | undefined,
  caseNumber: string,
  notice: ReminderNotice,
  attempt: number,
): Promise<void> {
  const numbers = [
    ...new Set((unit?.contacts ?? []).filter((c) => c.role === 'duty').map((c) => dialled(c.phone))),
  ];
  if (numbers.length === 0) throw new Error(`unit ${notice.unitId} has no duty phone to call`);
  const message = voiceText(caseNumber, notice);
  for (const [index, number] of numbers.entries()) {
    const callId = voiceCallId(notice.reminderId, attempt, index);
    await requests.command(
      PlaceOutboundCall,
      `${callId}-place`,
      { callId, purpose: 'voice-notice', number, caseId: notice.caseId, message },
      { actor: ACTOR, districtId: CITY_DISTRICT, correlationId: notice.reminderId },
    );
  }
}

/** The call id of a reminder's call: the reminder, the attempt and the number dialled. */
export const voiceCallId = (reminderId: string, attempt: number, index: number): string =>
  `reminder-${reminderId}-voice-${attempt}-${index}`;

/** The reminder and attempt a call id names, for the call's outcome; undefined for other calls. */
export function reminderOfCall(callId: string): { reminderId: string; attempt: number } | undefined {
  const match = /^reminder-(.+)-voice-(\d+)-\d+$/.exec(callId);
  return match ? { reminderId: match[1] as string, attempt: Number(match[2]) } : undefined;
}

/** What the duty officer hears: the case number digit by digit, so that it is written down right. */
export function voiceText(caseNumber: string, notice: ReminderNotice): string {
  const digits = caseNumber.split('').join(' ');
  const what = notice.emergency ? '紧急案件' : '催办案件';
  return `这里是12345热线。${what}，受理号 ${digits}，请立即签收办理。`;
}

/** The reminder as the unit's staff read it: the case number, the deadline in Beijing time, the note. */
export function reminderText(caseNumber: string, notice: ReminderNotice): string {
  if (notice.emergency)
    return `【12345】紧急：案件${caseNumber}，请立即签收办理，并电话回复热线${notice.note ? `。${notice.note}` : ''}`;
  const due = notice.dueAt ? `，办理期限${beijing(notice.dueAt)}` : '';
  const note = notice.note ? `。${notice.note}` : '';
  return `【12345】催办：案件${caseNumber}${due}，请及时办理并答复${note}`;
}

const beijing = (iso: string): string => {
  const at = new Date(Date.parse(iso) + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCMonth() + 1}月${at.getUTCDate()}日${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
};
