import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CITY_DISTRICT, SendStaffNotice, systemActor } from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { Logger } from '@hotline/infra/telemetry';
import { addDays, beijingDay, beijingHour } from '../periods/beijing-time';
import type { DailyDigestService } from './daily-digest.service';
import { digestMail, digestNoticeId } from './digest-mail';

const ACTOR = systemActor('reporting-digest');
const CHECK_EVERY_MS = 60_000;

export interface DigestMailerOptions {
  digests: DailyDigestService;
  requests: Pick<BusRequests, 'command'>;
  /** Addresses to mail; none: the mailer does nothing. */
  to: string[];
  /** From this Beijing hour on, yesterday's digest is mailed. */
  hour: number;
  now: () => Date;
  categoryName: (code: string) => string;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/**
 * Mails the leaders' daily digest (要情) of yesterday each morning from the configured hour, through
 * intake's SendStaffNotice. Each address's notice id names the day and the address, and intake sends a
 * notice id once: a restart, a second replica or a retry after a failed send mails nobody twice.
 */
export class DigestMailer implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  /** The last day whose digest went to every address (this process's memory; intake is the guard). */
  private sentFor: string | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly options: DigestMailerOptions) {}

  onApplicationBootstrap(): void {
    if (this.options.to.length === 0) return;
    this.timer = setInterval(() => void this.tick(), CHECK_EVERY_MS);
    this.timer.unref();
    void this.tick();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Mails yesterday's digest if the hour has come and it has not gone out yet; one run at a time. */
  tick(): Promise<void> {
    this.running ??= this.mailDue().finally(() => (this.running = undefined));
    return this.running;
  }

  private async mailDue(): Promise<void> {
    const { now, hour, to, digests, requests, categoryName, logger } = this.options;
    const at = now();
    const today = beijingDay(at);
    if (Number(beijingHour(at).slice(11, 13)) < hour) return;
    const date = addDays(today, -1);
    if (this.sentFor === date || to.length === 0) return;
    try {
      const digest = await digests.digest({ viewer: { actor: ACTOR, districtId: CITY_DISTRICT }, date });
      const { subject, text } = digestMail(digest, categoryName);
      for (const address of to) {
        const noticeId = digestNoticeId(date, address);
        await requests.command(
          SendStaffNotice,
          `${noticeId}-send`,
          { noticeId, channel: 'email', to: address, subject, text },
          { actor: ACTOR, districtId: CITY_DISTRICT, correlationId: noticeId },
        );
      }
      this.sentFor = date;
      logger?.info({ date, recipients: to.length }, 'daily digest mailed');
    } catch (error) {
      // Intake's relay down, or intake not there: the next check tries again (sent ones stay sent).
      logger?.warn({ date, err: error }, 'mailing the daily digest failed; trying again at the next check');
    }
  }
}
