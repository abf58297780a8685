import { createHash } from 'node:crypto';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CITY_DISTRICT, SendStaffNotice } from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import { WrongExpectedVersion, type EventStore } from '@hotline/infra/event-store';
import type { Logger } from '@hotline/infra/telemetry';
import { beijingHour } from '../periods/beijing-time';
import type { HotTopicsService, Surge } from './hot-topics.service';
import { SURGE_ACTOR, surgeDetectedEvent, surgeIdentity } from './surge-detected';

const KINDS: Record<string, string> = { category: '分类', term: '关键词', place: '地点' };
const hash = (text: string, length: number) =>
  createHash('sha256').update(text).digest('hex').slice(0, length);

/** The notice id of one surge's alert to one address: intake sends a notice id once, ever. */
export const surgeNoticeId = (surge: Parameters<typeof surgeIdentity>[0], to: string): string =>
  `surge-${hash(surgeIdentity(surge), 16)}-${hash(to.trim().toLowerCase(), 12)}`;

/** The alert as supervisors and leaders read it: what surged, against what, the cluster, the announcement. */
export function surgeAlertMail(
  surge: Surge,
  name: string,
  district?: string,
): { subject: string; text: string } {
  // The surge's hour is the instant it began: shown in Beijing time.
  const hour = beijingHour(surge.hour);
  const when = `${Number(hour.slice(5, 7))}月${Number(hour.slice(8, 10))}日${hour.slice(11, 13)}时`;
  // A district's own storm names its district: its baseline is the district's, not the city's.
  const what = `${district ?? ''}${KINDS[surge.kind] ?? surge.kind}「${name}」`;
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
  /** Where SurgeDetected is appended (the gateway pushes it to supervisors' live channel). */
  events: Pick<EventStore, 'append'>;
  /** Supervisors' and leaders' addresses; none: no alerts are mailed. */
  to: string[];
  minCount: number;
  /** How often the last two hours are checked. */
  checkEveryMs: number;
  name: (surge: Surge) => string;
  /** A district's name (its place: 台江区) for the mail of a district's own storm; none: not named. */
  districtName?: (districtId: string) => Promise<string>;
  now: () => Date;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/** Alert ids and notice ids remembered at most; beyond, the oldest are forgotten (the store still dedupes). */
const MEMORY = 10_000;

/**
 * Watches the last two hours for surges (k-sigma over the same weekday and hour, docs/reporting.md).
 * Each new one is appended once as SurgeDetected (stream `surge-<alertId>`, the id derived from its
 * kind, key and hour: a replica or a restart that sees it again appends nothing), which the gateway
 * pushes to supervisors' live channel; and it is mailed to the supervisors and leaders through
 * intake's SendStaffNotice, with its cluster of cases and the proposed IVR announcement. One notice id
 * per surge and address: however often it is seen again, each address hears of it once.
 */
export class SurgeAlerts implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  /** Alerts appended and notices accepted by intake (this process's memory, to spare the repeats). */
  private readonly done = new Set<string>();
  private running: Promise<void> | undefined;

  constructor(private readonly options: SurgeAlertsOptions) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.options.checkEveryMs);
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
    const { topics, minCount, logger } = this.options;
    try {
      const viewer = { actor: SURGE_ACTOR, districtId: CITY_DISTRICT };
      const { surges } = await topics.surges({ viewer, hours: 2, k: 3, weeks: 4, minCount });
      for (const surge of surges) {
        await this.publish(surge);
        await this.mail(surge);
      }
    } catch (error) {
      logger?.warn({ err: error }, 'alerting a surge failed; trying again at the next check');
    }
  }

  private async publish(surge: Surge): Promise<void> {
    const { streamId, event } = surgeDetectedEvent(surge, this.options.name(surge), this.options.now());
    if (this.done.has(streamId)) return;
    try {
      await this.options.events.append(streamId, [event], 'noStream');
      this.options.logger?.info({ streamId, count: surge.count }, 'surge detected');
    } catch (error) {
      // Another replica (or this one before a restart) appended it first, with another detection time.
      if (!(error instanceof WrongExpectedVersion)) throw error;
    }
    this.remember(streamId);
  }

  private async mail(surge: Surge): Promise<void> {
    const { requests, to, name } = this.options;
    if (to.length === 0) return;
    const district =
      surge.districtId !== CITY_DISTRICT ? await this.options.districtName?.(surge.districtId) : undefined;
    const { subject, text } = surgeAlertMail(surge, name(surge), district);
    for (const address of to) {
      const noticeId = surgeNoticeId(surge, address);
      if (this.done.has(noticeId)) continue;
      await requests.command(
        SendStaffNotice,
        `${noticeId}-send`,
        { noticeId, channel: 'email', to: address, subject, text },
        { actor: SURGE_ACTOR, districtId: CITY_DISTRICT, correlationId: noticeId },
      );
      this.remember(noticeId);
    }
  }

  private remember(id: string): void {
    this.done.add(id);
    if (this.done.size > MEMORY) this.done.delete(this.done.values().next().value as string);
  }
}
