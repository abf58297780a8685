import {
  WorkflowRole,
  categoryLevelOf,
  parentCategoryOf,
  type CaseType,
  type CalendarDayKind,
  type CategoryTaxonomy,
  type CommandOf,
  type EventOf,
  type citySettingsCommands,
  type citySettingsEvents,
} from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';
import { CitySettingsError, CitySettingsRuleViolation } from './city-settings.errors';

export type CitySettingsCommand = CommandOf<(typeof citySettingsCommands)[number]>;
export type CitySettingsEvent = EventOf<(typeof citySettingsEvents)[number]>;

export interface CityCategory {
  name: string;
  nameEn: string;
  parentCode?: string;
}

/** The city's own changes over the configured base; the base itself is not in the stream. */
export interface CitySettingsState {
  version: number;
  /** Categories the city defined. */
  categories: Record<string, CityCategory>;
  /** New names of shipped categories. */
  renamed: Record<string, { name: string; nameEn: string }>;
  retired: string[];
  days: Record<string, { kind: CalendarDayKind; name: string }>;
  limits: Partial<Record<CaseType, number>>;
}

/** What the rules look up: the configured base taxonomy. */
export interface CitySettingsLookups {
  baseTaxonomy: CategoryTaxonomy;
}

const ADMINS: readonly string[] = [WorkflowRole.Center, WorkflowRole.System];
const codeField = { field: 'code' };

const known = (code: string, state: CitySettingsState, lookups: CitySettingsLookups): boolean =>
  state.categories[code] !== undefined || lookups.baseTaxonomy.get(code) !== undefined;

function nameOf(code: string, state: CitySettingsState, lookups: CitySettingsLookups) {
  const base = lookups.baseTaxonomy.get(code);
  return state.renamed[code] ?? state.categories[code] ?? (base && { name: base.name, nameEn: base.nameEn });
}

function requireKnown(code: string, state: CitySettingsState, lookups: CitySettingsLookups): void {
  if (!known(code, state, lookups))
    CitySettingsRuleViolation.raise(
      CitySettingsError.UnknownCategory,
      `code: ${code} is not in the taxonomy`,
      codeField,
    );
}

/** Retired itself, or under a retired category. */
export function isRetired(code: string, retired: readonly string[]): boolean {
  for (let c: string | undefined = code; c !== undefined; c = parentCategoryOf(c)) {
    if (retired.includes(c)) return true;
  }
  return false;
}

function define(
  data: Extract<CitySettingsCommand, { type: 'DefineCategory' }>['data'],
  state: CitySettingsState,
  lookups: CitySettingsLookups,
): CitySettingsEvent[] {
  const { code, parentCode } = data;
  if (known(code, state, lookups))
    CitySettingsRuleViolation.raise(
      CitySettingsError.CategoryExists,
      `code: ${code} is already in the taxonomy`,
      codeField,
    );
  if (code.startsWith('00'))
    CitySettingsRuleViolation.raise(
      CitySettingsError.ParentMismatch,
      `code: ${code} has no level-1 part`,
      codeField,
    );
  const expected = parentCategoryOf(code);
  if (parentCode !== expected) {
    const rule =
      expected === undefined
        ? `code: ${code} is a level-1 code and takes no parent`
        : `code: ${code} is a level-${categoryLevelOf(code)} code, so its parent is ${expected}`;
    CitySettingsRuleViolation.raise(CitySettingsError.ParentMismatch, rule, codeField);
  }
  if (expected !== undefined) {
    if (!known(expected, state, lookups))
      CitySettingsRuleViolation.raise(
        CitySettingsError.UnknownParent,
        `parentCode: ${expected} is not in the taxonomy`,
        {
          field: 'parentCode',
        },
      );
    if (isRetired(expected, state.retired))
      CitySettingsRuleViolation.raise(CitySettingsError.ParentRetired, `parentCode: ${expected} is retired`, {
        field: 'parentCode',
      });
  }
  return [{ type: 'CategoryDefined', data: { ...data, settingsVersion: state.version + 1 } }];
}

function decide(
  command: CitySettingsCommand,
  state: CitySettingsState,
  context: DecideContext & CitySettingsLookups,
): CitySettingsEvent[] {
  if (!ADMINS.includes(context.actor.role)) {
    CitySettingsRuleViolation.raise(
      CitySettingsError.RoleNotAllowed,
      `editing the city's settings is for ${ADMINS.join(', ')}, not ${context.actor.role}`,
    );
  }
  const settingsVersion = state.version + 1;
  switch (command.type) {
    case 'DefineCategory':
      return define(command.data, state, context);
    case 'RenameCategory': {
      const { code, name, nameEn } = command.data;
      requireKnown(code, state, context);
      const current = nameOf(code, state, context);
      if (current?.name === name && current.nameEn === nameEn) return [];
      return [{ type: 'CategoryRenamed', data: { code, name, nameEn, settingsVersion } }];
    }
    case 'RetireCategory': {
      const { code } = command.data;
      requireKnown(code, state, context);
      if (state.retired.includes(code)) return [];
      return [{ type: 'CategoryRetired', data: { code, settingsVersion } }];
    }
    case 'ReactivateCategory': {
      const { code } = command.data;
      requireKnown(code, state, context);
      if (!state.retired.includes(code)) return [];
      return [{ type: 'CategoryReactivated', data: { code, settingsVersion } }];
    }
    case 'DeclareCalendarDay': {
      const { date, kind, name } = command.data;
      const current = state.days[date];
      if (current?.kind === kind && current.name === name) return [];
      return [{ type: 'CalendarDayDeclared', data: { date, kind, name, settingsVersion } }];
    }
    case 'ClearCalendarDay': {
      const { date } = command.data;
      if (state.days[date] === undefined)
        CitySettingsRuleViolation.raise(
          CitySettingsError.NoCityDay,
          `date: the city has no entry of its own on ${date}`,
          {
            field: 'date',
          },
        );
      return [{ type: 'CalendarDayCleared', data: { date, settingsVersion } }];
    }
    case 'SetDeadlineLimit': {
      const { caseType, workingDays } = command.data;
      if (state.limits[caseType] === workingDays) return [];
      return [{ type: 'DeadlineLimitSet', data: { caseType, workingDays, settingsVersion } }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: CitySettingsState, event: CitySettingsEvent): CitySettingsState {
  const next = { ...state, version: event.data.settingsVersion };
  switch (event.type) {
    case 'CategoryDefined': {
      const { code, name, nameEn, parentCode } = event.data;
      const category = { name, nameEn, ...(parentCode !== undefined ? { parentCode } : {}) };
      return { ...next, categories: { ...state.categories, [code]: category } };
    }
    case 'CategoryRenamed': {
      const { code, name, nameEn } = event.data;
      const own = state.categories[code];
      return own
        ? { ...next, categories: { ...state.categories, [code]: { ...own, name, nameEn } } }
        : { ...next, renamed: { ...state.renamed, [code]: { name, nameEn } } };
    }
    case 'CategoryRetired':
      return { ...next, retired: [...state.retired, event.data.code] };
    case 'CategoryReactivated':
      return { ...next, retired: state.retired.filter((c) => c !== event.data.code) };
    case 'CalendarDayDeclared': {
      const { date, kind, name } = event.data;
      return { ...next, days: { ...state.days, [date]: { kind, name } } };
    }
    case 'CalendarDayCleared': {
      const days = { ...state.days };
      delete days[event.data.date];
      return { ...next, days };
    }
    case 'DeadlineLimitSet':
      return { ...next, limits: { ...state.limits, [event.data.caseType]: event.data.workingDays } };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** The city's settings (市级配置): stream `citySettings-city`, versioned by its changes. */
export const citySettingsDecider: Decider<
  CitySettingsCommand,
  CitySettingsEvent,
  CitySettingsState,
  CitySettingsLookups
> = {
  decide,
  evolve,
  initialState: () => ({ version: 0, categories: {}, renamed: {}, retired: [], days: {}, limits: {} }),
};
