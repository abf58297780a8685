import type { CalendarData, LocalDate } from '@hotline/contracts';
import { agentsNeededErlangA } from './erlang-a';
import { agentsNeededErlangC } from './erlang-c';

const SLOT_MS = 30 * 60_000;
const SLOTS = 48;
const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** What kind of day a date is for the hotline's traffic: each kind has its own daily profile. */
export type DayKind =
  'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'weekend' | 'holiday' | 'make-up-day';
const WEEKDAYS: DayKind[] = ['weekend', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'weekend'];

/** Holidays (weekend days inside a holiday block included) and make-up working days come from the calendar. */
export function dayKindOf(date: LocalDate, calendar: CalendarData): DayKind {
  const year = calendar[date.slice(0, 4)];
  if (year?.holidays.includes(date)) return 'holiday';
  if (year?.workdays.includes(date)) return 'make-up-day';
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

/** When a kind has no history, the forecast borrows the profile of the nearest kind. */
const FALLBACK: Record<DayKind, DayKind[]> = {
  monday: ['tuesday', 'wednesday', 'thursday', 'friday'],
  tuesday: ['wednesday', 'thursday', 'monday', 'friday'],
  wednesday: ['tuesday', 'thursday', 'monday', 'friday'],
  thursday: ['wednesday', 'tuesday', 'friday', 'monday'],
  friday: ['thursday', 'wednesday', 'tuesday', 'monday'],
  weekend: ['holiday'],
  holiday: ['weekend'],
  'make-up-day': ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
};

export interface IntervalCount {
  intervalStart: number;
  offered: number;
}

const localDateOf = (ms: number): LocalDate => new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
const slotOf = (ms: number): number => Math.floor(((ms + CST_OFFSET_MS) % DAY_MS) / SLOT_MS);

/**
 * Arrivals expected in each 30-minute interval (China time) of `date`: for each day kind, the mean
 * of the same interval over the history's days of that kind, recent weeks weighing more (each week
 * back counts `decay` times the one after it).
 */
export function forecastArrivals(
  history: readonly IntervalCount[],
  date: LocalDate,
  calendar: CalendarData,
  decay = 0.8,
): number[] {
  const byDay = new Map<LocalDate, number[]>();
  for (const { intervalStart, offered } of history) {
    const day = localDateOf(intervalStart);
    let slots = byDay.get(day);
    if (!slots) byDay.set(day, (slots = new Array<number>(SLOTS).fill(0)));
    slots[slotOf(intervalStart)]! += offered;
  }
  const target = Date.parse(`${date}T00:00:00Z`);
  const profileOf = (kind: DayKind): number[] | undefined => {
    const sums = new Array<number>(SLOTS).fill(0);
    let weights = 0;
    for (const [day, slots] of byDay) {
      const ageDays = (target - Date.parse(`${day}T00:00:00Z`)) / DAY_MS;
      if (ageDays <= 0 || dayKindOf(day, calendar) !== kind) continue;
      const weight = decay ** Math.floor((ageDays - 1) / 7);
      slots.forEach((count, slot) => (sums[slot]! += weight * count));
      weights += weight;
    }
    return weights > 0 ? sums.map((sum) => sum / weights) : undefined;
  };
  const kind = dayKindOf(date, calendar);
  for (const candidate of [kind, ...FALLBACK[kind]]) {
    const profile = profileOf(candidate);
    if (profile) return profile;
  }
  return new Array<number>(SLOTS).fill(0);
}

export interface StaffingInterval {
  slot: number;
  arrivals: number;
  agentsErlangC: number;
  agentsErlangA: number;
}

/** Agents needed per 30-minute interval for a service-level target, by Erlang C and by Erlang A. */
export function staffingPlan(
  arrivals: readonly number[],
  options: {
    averageHandleSeconds: number;
    averagePatienceSeconds: number;
    serviceLevel: number;
    thresholdSeconds: number;
  },
): StaffingInterval[] {
  const target = { serviceLevel: options.serviceLevel, thresholdSeconds: options.thresholdSeconds };
  return arrivals.map((count, slot) => {
    if (count <= 0) return { slot, arrivals: 0, agentsErlangC: 0, agentsErlangA: 0 };
    const load = { arrivalRate: count / 1800, averageHandleSeconds: options.averageHandleSeconds };
    return {
      slot,
      arrivals: count,
      agentsErlangC: agentsNeededErlangC(load, target),
      agentsErlangA: agentsNeededErlangA(
        { ...load, averagePatienceSeconds: options.averagePatienceSeconds },
        target,
      ),
    };
  });
}
