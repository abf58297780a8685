/** China time (UTC+8, no daylight saving), as the IVR's business hours read it. */
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** `HH:MM-HH:MM`, start before end, within one day. */
const CALLING_HOURS_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]$/;

/** The longest run of days without calls looked through (the Spring Festival holiday is 8–9 days). */
const MAX_CLOSED_DAYS = 40;

/**
 * The daily window in which citizens may be called (no survey call at night): China time, start
 * inclusive, end exclusive, on the days `isCallingDay` allows (the working calendar's working days
 * unless a site calls every day: nobody is asked about a case on the Spring Festival). Duty phones
 * (voice notices) are called at any hour.
 */
export class CallingHours {
  private constructor(
    private readonly startMinute: number,
    private readonly endMinute: number,
    private readonly isCallingDay: (at: Date) => boolean,
  ) {}

  /** `08:00-21:00`; a window that ends before it starts (past midnight) is refused. */
  static parse(window: string, isCallingDay: (at: Date) => boolean = () => true): CallingHours {
    if (!CALLING_HOURS_PATTERN.test(window)) throw new Error(`calling hours "${window}" must be HH:MM-HH:MM`);
    const [start, end] = window.split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
    if (start! >= end!) throw new Error(`calling hours "${window}" must start before they end, within a day`);
    return new CallingHours(start!, end!, isCallingDay);
  }

  /** 0 inside the window on a calling day; otherwise how long until it next opens. */
  msUntilOpen(at: Date): number {
    const now = at.getTime();
    let wait = this.inWindow(now) ? 0 : this.untilStart(now);
    for (let day = 0; day < MAX_CLOSED_DAYS && !this.isCallingDay(new Date(now + wait)); day += 1) {
      wait += this.untilStart(now + wait) || DAY_MS;
    }
    return wait;
  }

  private msOfDay(instant: number): number {
    return (((instant + CST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  }

  private inWindow(instant: number): boolean {
    const msOfDay = this.msOfDay(instant);
    return msOfDay >= this.startMinute * MINUTE_MS && msOfDay < this.endMinute * MINUTE_MS;
  }

  /** Until the window's next start (0 exactly at a start). */
  private untilStart(instant: number): number {
    return (this.startMinute * MINUTE_MS - this.msOfDay(instant) + DAY_MS) % DAY_MS;
  }
}

/** Whether a setting's value is a calling-hours window `CallingHours.parse` takes. */
export function validCallingHours(window: string): boolean {
  try {
    CallingHours.parse(window);
    return true;
  } catch {
    return false;
  }
}
