import { createHash } from 'node:crypto';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CITY_DISTRICT, SendStaffNotice, systemActor } from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { Logger } from '@hotline/infra/telemetry';
import { beijingHour } from '../periods/beijing-time';
import type { HotTopicsService, Surge } from './hot-topics.service';

const ACTOR = systemActor('reporting-surges');
const CHECK_EVERY_MS = 60_000;
const KINDS: Record<string, string> = { category: '分类', term: '关键词', place: '地点' };
const hash = (text: string, length: number) =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

/** The notice id of one surge's alert to one address: intake sends a notice id once, ever. */
export const surgeNoticeId = (surge: Pick<Surge, 'kind' | 'key' | 'hour'>, to: string): string =>
  `surge-${hash(`${surge.kind}|${surge.key}|${surge.hour}`, 16)}-${hash(to.trim().toLowerCase(), 12)}`;

/** The alert as supervisors and leaders read it: what surged, against what, the cluster, the announcement. */
export function surgeAlertMail(surge: Surge, name: string): { subject: string; text: string } {
  // The surge's hour is the instant it began: shown in Beijing time.
  const hour = beijingHour(surge.hour);
  const when = `${Number(hour.slice(5, 7))}月${Number(hour.slice(8, 10))}日${hour.slice(11, 13)}时`;
  const what = `${KINDS[surge.kind] ?? surge.kind}「${name}」`;
  const text = [
    `12345热线突发聚集提醒：${when}起一小时内，${what}相关来电${surge.count}件，常态约${Math.round(surge.baselineMean)}件。`,
    '',
    `涉及工单（${surge.caseNumbers.length}件）：${surge.caseNumbers.join('、')}`,
    '',
    `建议IVR插播：${surge.announcement}`,
    '',
    '请在坐席控制台“报表 → 突发聚集”中核实，可一键将同一事项的工单并入主单。',
  ].join('\n');
  return { subject: `【12345突发聚集】${when} ${what}`, text: text.slice(0, 4000) };
}

export interface SurgeAlertsOptions {
  topics: HotTopicsService;
  requests: Pick<BusRequests, 'command'>;
  /** Supervisors' and leaders' addresses; none: no alerts are mailed. */
  to: string[];
  minCount: number;
  name: (surge: Surge) => string;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/**
 * Watches the last two hours for surges (k-sigma over the same weekday and hour, docs/reporting.md)
 * and mails each new one to the supervisors and leaders through intake's SendStaffNotice, with its
 * cluster of cases and the proposed IVR announcement; the one-click merge is in the console. One
 * notice id per surge and address: however often it is seen again, each address hears of it once.
 */
export class SurgeAlerts implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  /** Notices already accepted by intake (this process's memory, to spare it the repeats). */
  private readonly alerted = new Set<string>();
  private running: Promise<void> | undefined;

  constructor(private readonly options: SurgeAlertsOptions) {}

  onApplicationBootstrap(): void {
    if (this.options.to.length === 0) return;
    this.timer = setInterval(() => void this.tick(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  tick(): Promise<void> {
    this.running ??= this.alertNew().finally(() => (this.running = undefined));
    return this.running;
  }

  private async alertNew(): Promise<void> {
    const { topics, requests, to, minCount, name, logger } = this.options;
    if (to.length === 0) return;
    try {
      const viewer = { actor: ACTOR, districtId: CITY_DISTRICT };
      const { surges } = await topics.surges({ viewer, hours: 2, k: 3, weeks: 4, minCount });
      for (const surge of surges) {
        const { subject, text } = surgeAlertMail(surge, name(surge));
        for (const address of to) {
          const noticeId = surgeNoticeId(surge, address);
          if (this.alerted.has(noticeId)) continue;
          await requests.command(
            SendStaffNotice,
            `${noticeId}-send`,
            { noticeId, channel: 'email', to: address, subject, text },
            { actor: ACTOR, districtId: CITY_DISTRICT, correlationId: noticeId },
          );
          this.alerted.add(noticeId);
        }
      }
    } catch (error) {
      logger?.warn({ err: error }, 'alerting a surge failed; trying again at the next check');
    }
  }
}
