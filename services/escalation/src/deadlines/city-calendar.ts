import type { CalendarData, WorkingCalendar } from '@hotline/contracts';
import { HalfDayIndex } from './half-day-index';

type DayKind = 'holiday' | 'workday';

/**
 * The national working calendar with the days the city declared over it (holidays and make-up
 * workdays), and the same calendar as binary searches: what every deadline point is computed on.
 */
export class CityCalendar {
  private readonly days = new Map<string, DayKind>();
  private workingCalendar: WorkingCalendar;
  private index: HalfDayIndex;

  constructor(private readonly national: WorkingCalendar) {
    this.workingCalendar = national;
    this.index = new HalfDayIndex(national);
  }

  /** The calendar in force. */
  get working(): WorkingCalendar {
    return this.workingCalendar;
  }

  /** What instants are computed on. */
  get halfDays(): HalfDayIndex {
    return this.index;
  }

  declared(): ReadonlyMap<string, DayKind> {
    return this.days;
  }

  /** A city day declared (`CalendarDayDeclared`) or cleared (`CalendarDayCleared`). */
  apply(type: string, data: Record<string, unknown>): void {
    const date = data.date as string;
    if (type === 'CalendarDayDeclared') this.days.set(date, data.kind as DayKind);
    else this.days.delete(date);
    this.rebuild();
  }

  /** Replaces every declared day (a saved book's). */
  restore(days: Iterable<readonly [string, DayKind]>): void {
    this.days.clear();
    for (const [date, kind] of days) this.days.set(date, kind);
    this.rebuild();
  }

  private rebuild(): void {
    const overrides: CalendarData = {};
    for (const [day, kind] of this.days) {
      const year = (overrides[day.slice(0, 4)] ??= { holidays: [], workdays: [] });
      (kind === 'holiday' ? year.holidays : year.workdays).push(day);
    }
    this.workingCalendar = this.national.withOverrides(overrides);
    this.index = new HalfDayIndex(this.workingCalendar);
  }
}
