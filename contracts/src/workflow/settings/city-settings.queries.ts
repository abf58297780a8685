import { z } from 'zod';
import { defineQuery } from '../../messages/define';
import { WORKFLOW_SERVICE, type CaseType } from '../case.values';
import { MinPosition, QueryViewer } from '../queries/query-viewer';
import type { CalendarDayKind } from './city-settings.messages';

export const GetCategories = defineQuery({
  type: 'GetCategories',
  service: WORKFLOW_SERVICE,
  summary: "The effective category taxonomy: the shipped one with the city's changes, retired ones included.",
  schema: z.object({ viewer: QueryViewer, minPosition: MinPosition }),
});

export const GetCalendar = defineQuery({
  type: 'GetCalendar',
  service: WORKFLOW_SERVICE,
  summary: "A year's special days: official holidays and make-up working days, and the city's own.",
  schema: z.object({
    viewer: QueryViewer,
    year: z.number().int().min(2000).max(2100),
    minPosition: MinPosition,
  }),
});

export const GetDeadlineLimits = defineQuery({
  type: 'GetDeadlineLimits',
  service: WORKFLOW_SERVICE,
  summary: 'The handling limit of each case type (configured default or set by the city).',
  schema: z.object({ viewer: QueryViewer, minPosition: MinPosition }),
});

export const citySettingsQueries = [GetCategories, GetCalendar, GetDeadlineLimits] as const;

export interface CategorySettingView {
  code: string;
  name: string;
  nameEn: string;
  parentCode?: string;
  level: 1 | 2 | 3;
  active: boolean;
  source: 'base' | 'city';
}

export interface CategoriesView {
  version: number;
  categories: CategorySettingView[];
}

export interface CalendarDayView {
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: 'official' | 'city';
}

export interface CalendarView {
  year: number;
  /** The year's schedule is computed (statutory holidays only) until the State Council's notice is loaded. */
  provisional: boolean;
  days: CalendarDayView[];
}

export interface DeadlineLimitsView {
  limits: { caseType: CaseType; workingDays: number; source: 'default' | 'city' }[];
  yellowWithinWorkingDays: number;
}
