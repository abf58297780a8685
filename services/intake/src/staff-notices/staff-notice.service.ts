import { RuleViolation, type CommandEnvelope, type StaffNoticeCommand } from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps, type CommandResult } from '@hotline/infra/command';
import type { SmsSender } from '../notices/case-notice.service';
import { channelUnavailable, refusalReason } from '../notices/channel-unavailable';
import type { MailSender } from './mail-sender';
import { staffNoticeAggregate } from './staff-notice.aggregate';

type StaffNoticeError = 'STAFF_NOTICE_NOT_ALLOWED';
class StaffNoticeViolation extends RuleViolation<StaffNoticeError> {
  static override readonly kinds = { STAFF_NOTICE_NOT_ALLOWED: 'forbidden' } as const;
}

export interface StaffNoticeChannels {
  /** The SMPP session, when configured (it may be unbound at the moment). */
  sms: () => SmsSender | undefined;
  /** The mail relay, when configured. */
  mail: MailSender | undefined;
}

/**
 * Sends the SMS and mails other services address to government staff (escalation's reminders to a
 * unit's duty desk): the send happens between loading `staffNotice-<noticeId>` and appending
 * `StaffNoticeSent`, so a notice already recorded is never sent again. A crash between the SMSC's
 * (or relay's) acceptance and the append can send it twice: the same trade as the citizens' notices.
 * A channel that is not configured or fails answers `unavailable` and records nothing, so the
 * sender's retries (and its "undelivered" verdict) stay its own.
 */
export class StaffNoticeService {
  constructor(
    private readonly deps: CommandHandlerDeps,
    private readonly channels: StaffNoticeChannels,
  ) {}

  send(envelope: CommandEnvelope & StaffNoticeCommand): Promise<CommandResult> {
    // Services send these, never a person through the gateway: the texts go out under the hotline's name.
    if (envelope.metadata.actor.role !== 'system') {
      StaffNoticeViolation.raise('STAFF_NOTICE_NOT_ALLOWED', 'only another service sends staff notices');
    }
    return handleCommand(this.deps, {
      aggregate: staffNoticeAggregate,
      id: envelope.data.noticeId,
      command: envelope,
      context: async (loaded) => (loaded.state.sent ? {} : { parts: await this.deliver(envelope.data) }),
    });
  }

  private async deliver(notice: StaffNoticeCommand['data']): Promise<number | undefined> {
    if (notice.channel === 'sms') {
      const sms = this.channels.sms();
      if (!sms) throw unavailable('sms', 'no SMSC is configured (INTAKE_SMPP_URL)');
      return sms.send(notice.to, notice.text).catch((error: unknown) => {
        throw unavailable('sms', `the SMSC did not take it: ${refusalReason(error)}`);
      });
    }
    const mail = this.channels.mail;
    if (!mail) throw unavailable('email', 'no mail relay is configured (INTAKE_MAIL_RELAY_URL)');
    await mail.send(notice.to, notice.subject, notice.text).catch((error: unknown) => {
      throw unavailable('email', `the mail relay did not take it: ${refusalReason(error)}`);
    });
    return undefined;
  }
}

const unavailable = (channel: 'sms' | 'email', message: string) =>
  channelUnavailable(channel, message, 'data.channel');
