/** China time (UTC+8, no daylight saving), as the IVR's business hours read it. */
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** `HH:MM-HH:MM`, start before end, within one day. */
const CALLING_HOURS_PATTERN = /^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]$/;

/**
 * The daily window in which citizens may be called (no survey call at night): China time, start
 * inclusive, end exclusive. Duty phones (voice notices) are called at any hour.
 */
export class CallingHours {
  private constructor(
    private readonly startMinute: number,
    private readonly endMinute: number,
  ) {}

  /** `08:00-21:00`; a window that ends before it starts (past midnight) is refused. */
  static parse(window: string): CallingHours {
    if (!CALLING_HOURS_PATTERN.test(window)) throw new Error(`calling hours "${window}" must be HH:MM-HH:MM`);
    const [start, end] = window.split('-').map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
    if (start! >= end!) throw new Error(`calling hours "${window}" must start before they end, within a day`);
    return new CallingHours(start!, end!);
  }

  /** 0 inside the window; otherwise how long until it next opens. */
  msUntilOpen(at: Date): number {
    const msOfDay = (((at.getTime() + CST_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
    const start = this.startMinute * MINUTE_MS;
    if (msOfDay >= start && msOfDay < this.endMinute * MINUTE_MS) return 0;
    return (start - msOfDay + DAY_MS) % DAY_MS;
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
