import {
  CaseType,
  CategoryTaxonomy,
  categoryLevelOf,
  parentCategoryOf,
  type CalendarData,
  type CalendarView,
  type CategoriesView,
  type DeadlineLimitsView,
  type DeadlinePolicy,
  type WorkingCalendar,
} from '@hotline/contracts';
import type { WorkflowSettings } from '../workflow-settings';
import { citySettingsDecider, isRetired, type CitySettingsState } from './city-settings.decider';

/** The configured base overlaid with the city's changes: what every case decision uses. */
export interface EffectiveSettings {
  version: number;
  state: CitySettingsState;
  taxonomy: CategoryTaxonomy;
  /** Categories retired themselves; those under them count as retired too (`isRetired`). */
  retired: readonly string[];
  calendar: WorkingCalendar;
  /** The limits in force now, for cases registered from now on. */
  deadlines: DeadlinePolicy;
  /** Every limit the city set, oldest first. */
  limitChanges: readonly LimitChange[];
}

export interface LimitChange {
  /** The store position of the change: it orders changes and registrations without ties. */
  position: number;
  caseType: CaseType;
  workingDays: number;
}

function calendarOverrides(state: CitySettingsState): CalendarData {
  const data: CalendarData = {};
  for (const [date, day] of Object.entries(state.days)) {
    const year = (data[date.slice(0, 4)] ??= { holidays: [], workdays: [] });
    (day.kind === 'holiday' ? year.holidays : year.workdays).push(date);
  }
  return data;
}

export function effectiveSettings(
  base: WorkflowSettings,
  state: CitySettingsState = citySettingsDecider.initialState(),
  limitChanges: readonly LimitChange[] = [],
): EffectiveSettings {
  const shipped = base.taxonomy.entries().map((entry) => ({ ...entry, ...state.renamed[entry.code] }));
  const own = Object.entries(state.categories).map(([code, c]) => ({ code, name: c.name, nameEn: c.nameEn }));
  const hasDays = Object.keys(state.days).length > 0;
  return {
    version: state.version,
    state,
    taxonomy:
      own.length === 0 && Object.keys(state.renamed).length === 0
        ? base.taxonomy
        : new CategoryTaxonomy([...shipped, ...own]),
    retired: state.retired,
    calendar: hasDays ? base.calendar.withOverrides(calendarOverrides(state)) : base.calendar,
    deadlines: { ...base.deadlines, limits: { ...base.deadlines.limits, ...state.limits } },
    limitChanges,
  };
}

/**
 * The limits a case lives by: those in force when it was registered, so a new limit applies to
 * cases registered after it and a later dispatch or redo of an older case keeps the older limit.
 */
export function deadlinesFor(
  base: WorkflowSettings,
  settings: EffectiveSettings,
  /** The store position of the case's registration; none for a case being registered. */
  registeredAt: number | undefined,
): DeadlinePolicy {
  if (registeredAt === undefined) return settings.deadlines;
  const limits = { ...base.deadlines.limits };
  for (const change of settings.limitChanges) {
    if (change.position < registeredAt) limits[change.caseType] = change.workingDays;
  }
  return { ...settings.deadlines, limits };
}

export function categoriesView(settings: EffectiveSettings): CategoriesView {
  const categories = settings.taxonomy
    .entries()
    .map((entry) => {
      const parentCode = parentCategoryOf(entry.code);
      return {
        code: entry.code,
        name: entry.name,
        nameEn: entry.nameEn,
        ...(parentCode !== undefined ? { parentCode } : {}),
        level: categoryLevelOf(entry.code),
        active: !isRetired(entry.code, settings.retired),
        source: settings.state.categories[entry.code] ? ('city' as const) : ('base' as const),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return { version: settings.version, categories };
}

const OFFICIAL_NAMES = { holiday: '法定节假日', workday: '调休上班' } as const;

/**
 * The special days of a year: where the configured calendar differs from "Monday to Friday work",
 * then the city's own entries over them. The base calendar may carry a city file too; it is the
 * configured default, so it counts as official here.
 */
export function calendarView(
  base: WorkflowSettings,
  settings: EffectiveSettings,
  year: number,
): CalendarView {
  const days: CalendarView['days'] = [];
  for (let at = Date.UTC(year, 0, 1); new Date(at).getUTCFullYear() === year; at += 86_400_000) {
    const date = new Date(at).toISOString().slice(0, 10);
    const own = settings.state.days[date];
    if (own) {
      days.push({ date, kind: own.kind, name: own.name, source: 'city' });
      continue;
    }
    const weekend = [0, 6].includes(new Date(at).getUTCDay());
    const working = base.calendar.isWorkingDay(date);
    if (weekend === working) {
      const kind = working ? 'workday' : 'holiday';
      days.push({ date, kind, name: OFFICIAL_NAMES[kind], source: 'official' });
    }
  }
  return { year, provisional: base.calendar.isProvisional(year), days };
}

export function deadlineLimitsView(settings: EffectiveSettings): DeadlineLimitsView {
  return {
    limits: CaseType.options.map((caseType) => ({
      caseType,
      workingDays: settings.deadlines.limits[caseType],
      source: settings.state.limits[caseType] !== undefined ? 'city' : 'default',
    })),
    yellowWithinWorkingDays: settings.deadlines.yellowWithin,
  };
}
