import {
  RuleViolation,
  type CommandEnvelope,
  type SurveySmsCommand,
  type SurveySmsOutcome,
} from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import type { SmsSender } from '../notices/case-notice.service';
import { channelUnavailable, refusalReason } from '../notices/channel-unavailable';
import { noticeOptOutAggregate } from '../notices/notice-opt-out.aggregate';
import { quietHoursEnd, type QuietHours } from '../notices/notice-texts';
import { surveySmsAggregate, type SurveySmsContext } from './survey-sms.aggregate';

type SurveySmsError = 'SURVEY_SMS_NOT_ALLOWED';
class SurveySmsViolation extends RuleViolation<SurveySmsError> {
  static override readonly kinds = { SURVEY_SMS_NOT_ALLOWED: 'forbidden' } as const;
}

export interface SurveySmsDeps {
  commandDeps: CommandHandlerDeps;
  /** The case notices' quiet hours (`INTAKE_NOTICE_QUIET_*_HOUR`): no survey SMS at night either. */
  quiet: QuietHours;
  /** The SMPP session, when configured (it may be unbound at the moment). */
  sms: () => SmsSender | undefined;
}

/**
 * The survey's SMS to a citizen (the callback link), through the same SMPP session, quiet hours and
 * TD opt-out as the case notices. The send happens between loading `surveySms-<smsId>` and appending
 * its outcome, so an SMS already recorded is never sent again, whatever the command id (only a crash
 * between the SMSC's acceptance and the append can repeat it, as for the notices). In the quiet
 * hours nothing is sent or recorded and the answer says when to ask again; an SMSC that is missing
 * or refuses answers `unavailable` (`NOTICE_CHANNEL_UNAVAILABLE`) and records nothing: the tries,
 * their backoff and the verdict are the survey's, which owns the task.
 *
 * The opt-out that applies is the notices' (`noticeOptOut-<phone>`, an SMS "TD"): it is the citizen
 * telling the hotline's SMS number to stop texting, which covers every SMS from it. The survey's own
 * opt-out (no more surveys, by any method) is the survey's to check before it asks.
 */
export class SurveySmsService {
  constructor(private readonly deps: SurveySmsDeps) {}

  async send(envelope: CommandEnvelope & SurveySmsCommand): Promise<SurveySmsOutcome> {
    // Only the survey service sends these: the text goes out under the hotline's name.
    if (envelope.metadata.actor.role !== 'system') {
      SurveySmsViolation.raise('SURVEY_SMS_NOT_ALLOWED', 'only another service sends survey SMS');
    }
    const { commandDeps, quiet } = this.deps;
    let deferredUntil: Date | undefined;
    const context = async ({ state }: { state: { settled?: unknown } }): Promise<SurveySmsContext> => {
      deferredUntil = undefined;
      if (state.settled) return {};
      const { phone, text } = envelope.data;
      if (await this.optedOut(phone)) return { withheld: true };
      const now = commandDeps.clock.now();
      const until = quietHoursEnd(now, quiet);
      if (until.getTime() > now.getTime()) {
        deferredUntil = until;
        return {};
      }
      return { parts: await this.deliver(phone, text) };
    };
    await handleCommand(commandDeps, {
      aggregate: surveySmsAggregate,
      id: envelope.data.smsId,
      command: envelope,
      context,
    });
    if (deferredUntil) return { outcome: 'deferred', notBefore: deferredUntil.toISOString() };
    const { state } = await surveySmsAggregate.load(commandDeps.store, envelope.data.smsId);
    if (!state.settled) throw unavailable('the SMS was neither sent nor withheld; ask again');
    return state.settled;
  }

  private async deliver(phone: string, text: string): Promise<number> {
    const sms = this.deps.sms();
    if (!sms) throw unavailable('no SMSC is bound (INTAKE_SMPP_URL)');
    return sms.send(phone, text).catch((error: unknown) => {
      // The reason only: the number and the text (its link) stay out of errors and logs.
      throw unavailable(`the SMSC did not take it: ${refusalReason(error)}`);
    });
  }

  private async optedOut(phone: string): Promise<boolean> {
    return (await noticeOptOutAggregate.load(this.deps.commandDeps.store, phone)).state.optedOut;
  }
}

const unavailable = (message: string) => channelUnavailable('sms', message);
