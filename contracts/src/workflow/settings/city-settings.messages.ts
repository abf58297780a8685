import { z } from 'zod';
import { dayOfLocalDate } from '../../kernel/calendar/china-time';
import { defineCommand, defineEvent } from '../../messages/define';
import { CaseType, CategoryCode, WORKFLOW_SERVICE } from '../case.values';

/** The stream category of the city's settings: one stream, `citySettings-city`. */
export const CITY_SETTINGS_CATEGORY = 'citySettings';
export const CITY_SETTINGS_ID = 'city';

const Name = z.string().trim().min(1).max(100);
const NameEn = z.string().trim().min(1).max(200);
export const SettingsDate = z
  .string()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && dayOfLocalDate(v) !== undefined,
    'must be a date YYYY-MM-DD',
  );
export const CalendarDayKind = z.enum(['holiday', 'workday']);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;
/** Half-day precision, as the working calendar counts. */
export const LimitWorkingDays = z
  .number()
  .min(0.5)
  .max(60)
  .refine((v) => Number.isInteger(v * 2), 'must be a multiple of 0.5');

export const DefineCategory = defineCommand({
  type: 'DefineCategory',
  service: WORKFLOW_SERVICE,
  summary: "Add a category to the city's taxonomy, under its parent (the code's level says which).",
  schema: z.object({ code: CategoryCode, name: Name, nameEn: NameEn, parentCode: CategoryCode.optional() }),
});

export const RenameCategory = defineCommand({
  type: 'RenameCategory',
  service: WORKFLOW_SERVICE,
  summary: 'Rename a category (shipped or the city’s own); cases keep their code.',
  schema: z.object({ code: CategoryCode, name: Name, nameEn: NameEn }),
});

export const RetireCategory = defineCommand({
  type: 'RetireCategory',
  service: WORKFLOW_SERVICE,
  summary: 'Retire a category (and those under it): no new cases in it; existing cases keep it.',
  schema: z.object({ code: CategoryCode }),
});

export const ReactivateCategory = defineCommand({
  type: 'ReactivateCategory',
  service: WORKFLOW_SERVICE,
  summary: 'Undo the retirement of a category.',
  schema: z.object({ code: CategoryCode }),
});

export const DeclareCalendarDay = defineCommand({
  type: 'DeclareCalendarDay',
  service: WORKFLOW_SERVICE,
  summary: "Declare one of the city's own holidays or working days, over the official schedule.",
  schema: z.object({ date: SettingsDate, kind: CalendarDayKind, name: Name }),
});

export const ClearCalendarDay = defineCommand({
  type: 'ClearCalendarDay',
  service: WORKFLOW_SERVICE,
  summary: "Remove the city's own entry for a date; the official schedule applies again.",
  schema: z.object({ date: SettingsDate }),
});

export const SetDeadlineLimit = defineCommand({
  type: 'SetDeadlineLimit',
  service: WORKFLOW_SERVICE,
  summary: 'Set the handling limit of a case type in working days; deadlines set from now on use it.',
  schema: z.object({ caseType: CaseType, workingDays: LimitWorkingDays }),
});

/** Every change makes a new version of the settings, numbered from 1. */
const Version = { settingsVersion: z.number().int().positive() };

const settingsEvent = <T extends string, S extends z.ZodRawShape>(type: T, summary: string, shape: S) =>
  defineEvent({
    type,
    version: 1,
    category: CITY_SETTINGS_CATEGORY,
    summary,
    schema: z.object({ ...shape, ...Version }),
  });

export const CategoryDefined = settingsEvent('CategoryDefined', 'The city defined a category.', {
  code: CategoryCode,
  name: Name,
  nameEn: NameEn,
  parentCode: CategoryCode.optional(),
});
export const CategoryRenamed = settingsEvent('CategoryRenamed', 'A category was renamed.', {
  code: CategoryCode,
  name: Name,
  nameEn: NameEn,
});
export const CategoryRetired = settingsEvent('CategoryRetired', 'A category takes no new cases.', {
  code: CategoryCode,
});
export const CategoryReactivated = settingsEvent(
  'CategoryReactivated',
  'A retired category is active again.',
  {
    code: CategoryCode,
  },
);
export const CalendarDayDeclared = settingsEvent(
  'CalendarDayDeclared',
  'The city declared a day of its own.',
  {
    date: SettingsDate,
    kind: CalendarDayKind,
    name: Name,
  },
);
export const CalendarDayCleared = settingsEvent(
  'CalendarDayCleared',
  "The city's own entry for a day was removed.",
  {
    date: SettingsDate,
  },
);
export const DeadlineLimitSet = settingsEvent(
  'DeadlineLimitSet',
  'The handling limit of a case type changed.',
  {
    caseType: CaseType,
    workingDays: LimitWorkingDays,
  },
);

export const citySettingsCommands = [
  DefineCategory,
  RenameCategory,
  RetireCategory,
  ReactivateCategory,
  DeclareCalendarDay,
  ClearCalendarDay,
  SetDeadlineLimit,
] as const;
export const citySettingsEvents = [
  CategoryDefined,
  CategoryRenamed,
  CategoryRetired,
  CategoryReactivated,
  CalendarDayDeclared,
  CalendarDayCleared,
  DeadlineLimitSet,
] as const;
