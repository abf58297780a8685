import {
  GetCalendar,
  chinaWorkingCalendar,
  systemActor,
  type CalendarData,
  type CalendarView,
  type Clock,
  type WorkingCalendar,
} from '@hotline/contracts';
import type { BusRequests } from '@hotline/infra/bus';
import type { Logger } from '@hotline/infra/telemetry';

const ORIGIN = { actor: systemActor('sipapp'), districtId: 'city' };
/** How often the city's declared days are read again: a declaration made today is heard within this. */
export const CITY_CALENDAR_REFRESH_MS = 10 * 60_000;
/** After a failed read (the workflow still starting, or away): sooner than the next refresh. */
const RETRY_MS = 30_000;

/**
 * The working calendar as the city keeps it: the national one with the days the city declared in
 * the admin console (a typhoon day off, a make-up working day), read from the workflow's `GetCalendar`
 * for this year and the next, again every few minutes. Until the first answer, and whenever the
 * workflow does not answer, the last calendar known stands (the national one at first): the IVR's
 * business hours and the calling days never wait on the bus.
 */
export class CityWorkingCalendar {
  private calendar: WorkingCalendar;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Whether the last read failed: a workflow that stays away is said once, not every 30 s. */
  private failing = false;

  constructor(
    private readonly deps: { bus: BusRequests; clock: Clock; logger: Logger },
    private readonly national: WorkingCalendar = chinaWorkingCalendar(),
  ) {
    this.calendar = national;
  }

  isWorkingDay(at: Date): boolean {
    return this.calendar.isWorkingDay(at);
  }

  /** Reads the city's days now, then every CITY_CALENDAR_REFRESH_MS (RETRY_MS after a failure) until `stop`. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.readAndSchedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async readAndSchedule(): Promise<void> {
    const read = await this.refresh();
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => void this.readAndSchedule(),
      read ? CITY_CALENDAR_REFRESH_MS : RETRY_MS,
    ).unref();
  }

  /** One read of this year's and next year's city days; true when the calendar was replaced. */
  async refresh(): Promise<boolean> {
    const year = Number(new Date(this.deps.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    try {
      const views = await Promise.all(
        [year, year + 1].map((y) =>
          this.deps.bus.query<CalendarView>(GetCalendar, { viewer: ORIGIN, year: y }, `ivr-calendar-${y}`),
        ),
      );
      this.calendar = this.national.withOverrides(cityDays(views));
      if (this.failing) this.deps.logger.info("the city's calendar is read again");
      this.failing = false;
      return true;
    } catch (error) {
      // An absent workflow (a sipapp started alone, or before it) is an expected state, not a defect:
      // the reason without a stack, once per outage.
      const reason = error instanceof Error ? error.message : String(error);
      if (!this.failing)
        this.deps.logger.warn({ reason }, "the city's calendar could not be read; the last one known stands");
      this.failing = true;
      return false;
    }
  }
}

/** The days the city itself declared, as overrides of the national calendar. */
export function cityDays(views: readonly CalendarView[]): CalendarData {
  const overrides: CalendarData = {};
  for (const view of views)
    for (const day of view.days) {
      if (day.source !== 'city') continue;
      const year = (overrides[day.date.slice(0, 4)] ??= { holidays: [], workdays: [] });
      (day.kind === 'holiday' ? year.holidays : year.workdays).push(day.date);
    }
  return overrides;
}
